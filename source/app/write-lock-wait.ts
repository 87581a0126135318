import {AppError} from './app-error.js';
import type {Clock} from './ports/clock.js';
import type {RunHolder, RunStore, RunWrites} from './ports/run-store.js';

/** How a run waits for another one holding the store's write lock. */
export type WriteWait = {
	/** The longest wait before giving up. */
	maxWaitMs: number;
	/** Told when the run starts to wait, and again whenever someone else holds the lock next. */
	onWait?: (notice: WaitNotice) => void;
	signal?: AbortSignal;
};

export type WaitNotice = {holder: RunHolder | undefined; message: string};

// Often enough that a queue of runs moves on quickly, seldom enough to cost nothing.
const pollMs = 150;

const modeWords: Record<RunHolder['mode'], string> = {manual: 'import', auto: 'automatic sync', undo: 'undo'};

function clockTime(iso: string): string {
	const time = new Date(iso);
	return `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
}

/** Who holds the lock, as a waiting run names them: "another import", and "(started by alice at 14:02)". */
export function describeHolder(holder: RunHolder | undefined): {who: string; started: string} {
	return holder === undefined
		? {who: 'another program writing to the SalesScreen database', started: ''}
		: {who: `another ${modeWords[holder.mode]}`, started: ` (started by ${holder.operator} at ${clockTime(holder.startedAt)})`};
}

function seconds(ms: number): string {
	const value = Math.round(ms / 1000);
	return `${value} second${value === 1 ? '' : 's'}`;
}

/**
 * Runs `work` holding the write lock, waiting (bounded by `wait.maxWaitMs`) while another run holds it, and
 * saying so. Gives up with an AppError that says for whom it waited and how long; nothing is written then.
 */
export async function withWriteLock<T>(
	store: RunStore,
	clock: Clock,
	holder: RunHolder,
	wait: WriteWait,
	work: (writes: RunWrites) => Promise<T>,
): Promise<T> {
	const start = clock.now().getTime();
	let announced: string | undefined;
	for (;;) {
		// eslint-disable-next-line no-await-in-loop
		const attempt = await store.tryWriteLock(holder, work);
		if (attempt.acquired) {
			return attempt.value;
		}

		const {who, started} = describeHolder(attempt.holder);
		const waited = clock.now().getTime() - start;
		if (waited >= wait.maxWaitMs || wait.signal?.aborted) {
			const why = wait.signal?.aborted ? 'stopped waiting' : `gave up after waiting ${seconds(waited)}`;
			throw new AppError(
				'write-wait-expired',
				`Nothing was written: ${who}${started} is still running, and this ${modeWords[holder.mode]} ${why}. Try again when it has finished, or let runs wait longer: salesscreen settings set write-wait SECONDS.`,
			);
		}

		const message = `Waiting for ${who} to finish${started}…`;
		if (message !== announced) {
			announced = message;
			wait.onWait?.({holder: attempt.holder, message});
		}

		// eslint-disable-next-line no-await-in-loop
		await clock.sleep(Math.min(pollMs, wait.maxWaitMs - waited), wait.signal);
	}
}
