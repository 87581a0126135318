import {openSession, type OrgTarget} from '../session.js';
import {runSync} from '../sync/run-sync.js';
import {requireAdminIn} from './require-admin.js';
import {writeSyncReport} from './sync-report.js';

export type SyncCommandOptions = {target: OrgTarget; dryRun: boolean; json: boolean; confirmHeld: boolean};

/** Exit codes of `salesscreen sync` besides 0 (done, or switched off), 1 (failed) and 2 (wrong usage). */
export const syncExitCodes = {done: 0, failed: 1, usage: 2, held: 5} as const;

/**
 * `salesscreen sync`, for cron or a systemd timer: when Automatically sync users is on, one automatic sync
 * (see runSync). When it is off, it changes nothing and says so; that is not a failure. A run the safeguard
 * holds exits 5, so that cron mail or a monitor notices; `--confirm-held` lets it through.
 */
export async function syncCommand(options: SyncCommandOptions, out: NodeJS.WritableStream): Promise<number> {
	const session = await openSession(options.target);
	try {
		if (!options.dryRun) {
			requireAdminIn(session.store, session.home.home, 'sync');
		}

		const report = await runSync(session, {dryRun: options.dryRun, confirmHeld: options.confirmHeld});
		writeSyncReport(report, options.json, out);
		return report.status === 'held' ? syncExitCodes.held : syncExitCodes.done;
	} finally {
		await session.close();
	}
}
