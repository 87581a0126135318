import {syncWithoutOrg, type SyncReport} from '../app/sync-users.js';
import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {resolveOperator} from '../operator-identity.js';
import {openChosenStore} from '../chosen-store.js';
import {portsOver} from '../run-ports.js';
import {describeError, NoOrgConnectedError, openSession, type OrgTarget, type Session} from '../session.js';
import {openSettings} from '../settings/settings.js';
import {writeRunFailure} from './run-failure.js';
import {writeSyncReport} from './sync-report.js';
import {syncExitCodes} from './exit-codes.js';

export type SyncCommandOptions = {target: OrgTarget; dryRun: boolean; json: boolean; confirmHeld: boolean; switchOrg?: boolean};

export {syncExitCodes} from './exit-codes.js';

/** Whether opening the session failed for want of an org to read (none connected, or its saved connection unreadable). */
function isNoOrg(error: unknown): boolean {
	return error instanceof NoOrgConnectedError || (error instanceof Error && error.name === 'ConnectionFileError');
}

/** The sync use case for an org that could not be opened, over the store and settings alone. */
async function syncWithoutOrgHere(failure: unknown, options: SyncCommandOptions): Promise<SyncReport> {
	const home = resolveAppHome();
	ensureAppHome(home);
	const store = await openChosenStore(home);
	try {
		return await syncWithoutOrg(portsOver(store.ports, openSettings(home.home), resolveOperator(home.home), describeError), options, failure);
	} finally {
		await store.close();
	}
}

/**
 * `salesscreen sync`, for cron or a systemd timer: when Automatically sync users is on, one automatic sync
 * (see syncUsers). When it is off, it changes nothing and says so; that is not a failure. A run the safeguard
 * holds exits 5, so that cron mail or a monitor notices; `--confirm-held` lets it through.
 */
export async function syncCommand(options: SyncCommandOptions, out: NodeJS.WritableStream, errors: NodeJS.WritableStream = process.stderr): Promise<number> {
	let session: Session;
	try {
		session = await openSession(options.target);
	} catch (error: unknown) {
		try {
			if (!isNoOrg(error)) {
				throw error;
			}

			// Off, it reports that nothing was due; on, it records the failed run and throws the failure on.
			writeSyncReport(await syncWithoutOrgHere(error, options), options.json, out);
			return syncExitCodes.done;
		} catch (failure: unknown) {
			writeRunFailure(failure, options.json, out);
			throw failure;
		}
	}

	try {
		const report = await session.app.syncUsers({
			dryRun: options.dryRun,
			confirmHeld: options.confirmHeld,
			switchOrg: options.switchOrg,
			onWait(message) {
				errors.write(`salesscreen: ${message}\n`);
			},
		});
		writeSyncReport(report, options.json, out);
		return report.status === 'held' ? syncExitCodes.held : syncExitCodes.done;
	} catch (error: unknown) {
		writeRunFailure(error, options.json, out);
		throw error;
	} finally {
		await session.close();
	}
}
