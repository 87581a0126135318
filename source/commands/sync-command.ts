import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {resolveOperator} from '../operator-identity.js';
import {describeError, NoOrgConnectedError, openSession, type OrgTarget, type Session} from '../session.js';
import {openSettings} from '../settings/settings.js';
import {openStore} from '../store/database.js';
import {recordFailedRun} from '../store/import-transaction.js';
import {offReport, runSync} from '../sync/run-sync.js';
import {requireAdminIn} from './require-admin.js';
import {writeSyncReport} from './sync-report.js';
import {syncExitCodes} from './exit-codes.js';

export type SyncCommandOptions = {target: OrgTarget; dryRun: boolean; json: boolean; confirmHeld: boolean; switchOrg?: boolean};

export {syncExitCodes} from './exit-codes.js';

/**
 * A sync that found no org to read: with Automatically sync users off nothing was due, so it says so as
 * always; otherwise the failure is recorded as a failed automatic run (for the Settings tab and history)
 * and thrown. Returns undefined when it was not that failure.
 */
function unconnectedSync(error: unknown, options: SyncCommandOptions, out: NodeJS.WritableStream): number | undefined {
	if (!(error instanceof NoOrgConnectedError) && !(error instanceof Error && error.name === 'ConnectionFileError')) {
		return undefined;
	}

	const home = resolveAppHome();
	ensureAppHome(home);
	const store = openStore(home.databaseFile);
	try {
		if (!options.dryRun) {
			requireAdminIn(store, home.home, 'sync');
		}

		if (!openSettings(home.home).get('autoSync')) {
			writeSyncReport(offReport(), options.json, out);
			return syncExitCodes.done;
		}

		if (!options.dryRun) {
			recordFailedRun(store, {operator: resolveOperator(home.home).login, mode: 'auto', startedAt: new Date().toISOString(), selectedCount: 0}, describeError(error));
		}
	} finally {
		store.close();
	}

	return undefined;
}

/**
 * `salesscreen sync`, for cron or a systemd timer: when Automatically sync users is on, one automatic sync
 * (see runSync). When it is off, it changes nothing and says so; that is not a failure. A run the safeguard
 * holds exits 5, so that cron mail or a monitor notices; `--confirm-held` lets it through.
 */
export async function syncCommand(options: SyncCommandOptions, out: NodeJS.WritableStream): Promise<number> {
	let session: Session;
	try {
		session = await openSession(options.target);
	} catch (error: unknown) {
		const code = unconnectedSync(error, options, out);
		if (code !== undefined) {
			return code;
		}

		throw error;
	}

	try {
		if (!options.dryRun) {
			requireAdminIn(session.store, session.home.home, 'sync');
		}

		const report = await runSync(session, {dryRun: options.dryRun, confirmHeld: options.confirmHeld, switchOrg: options.switchOrg});
		writeSyncReport(report, options.json, out);
		return report.status === 'held' ? syncExitCodes.held : syncExitCodes.done;
	} finally {
		await session.close();
	}
}
