import {undoKeepReason} from '../core/undo-keep.js';
import {isUndoCandidate} from '../core/undo-target.js';
import {AppError} from './app-error.js';
import type {UndoneRun} from './ports/run-store.js';
import {writeWait, type RunListeners, type RunPorts} from './run-context.js';
import {withWriteLock} from './write-lock-wait.js';

/**
 * Undo the last run: reverses the newest import or sync that changed something, in one transaction, recorded
 * as a run of its own (mode `undo`). Admins only. Nothing to undo is an AppError `nothing-to-undo` with the
 * reason; another run writing is waited for, and a failure is recorded as a failed undo run.
 */
export async function undoLastRun(ports: Omit<RunPorts, 'salesforce'>, listeners: RunListeners = {}): Promise<UndoneRun> {
	await ports.guard.require('undo');
	const startedAt = ports.clock.now().toISOString();
	const holder = {operator: ports.operator.login, mode: 'undo' as const, startedAt};
	try {
		return await withWriteLock(ports.store, ports.clock, holder, writeWait(ports, listeners), async (writes) => {
			const last = await writes.newestRunWhere(isUndoCandidate);
			if (last === undefined) {
				throw new AppError('nothing-to-undo', 'There is nothing to undo: no import has changed anything yet.');
			}

			if (last.status === 'undone') {
				throw new AppError(
					'nothing-to-undo',
					`The last import, run #${last.id}, was already undone${last.undoneBy === null ? '' : ` by run #${last.undoneBy}`}; only the last run can be undone, and only once.`,
				);
			}

			return writes.undoRun({runId: last.id, finishedAt: last.finishedAt}, ports.operator.login, startedAt, undoKeepReason);
		});
	} catch (error: unknown) {
		if (error instanceof AppError && error.code === 'nothing-to-undo') {
			throw error;
		}

		const reason = error instanceof AppError ? error.message : ports.describeError(error);
		await ports.store.recordFailedRun({...holder, selectedCount: 0}, reason, ports.clock.now().toISOString());
		throw error instanceof AppError ? error : new AppError('run-failed', `The undo failed and nothing was changed: ${reason}`, {cause: error});
	}
}
