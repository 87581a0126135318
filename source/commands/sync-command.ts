import {openSession, type OrgTarget} from '../session.js';
import {runSync} from '../sync/run-sync.js';
import {requireAdminIn} from './require-admin.js';
import {writeSyncReport} from './sync-report.js';
import {syncExitCodes} from './exit-codes.js';

export type SyncCommandOptions = {target: OrgTarget; dryRun: boolean; json: boolean; confirmHeld: boolean};

export {syncExitCodes} from './exit-codes.js';

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
