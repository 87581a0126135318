import {offReport} from '../app/sync-users.js';
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

/**
 * A sync that found no org to read: with Automatically sync users off nothing was due, so it says so as
 * always; otherwise the failure is recorded as a failed automatic run (for the Settings tab and history)
 * and thrown. Returns undefined when it was not that failure.
 */
async function unconnectedSync(error: unknown, options: SyncCommandOptions, out: NodeJS.WritableStream): Promise<number | undefined> {
	if (!(error instanceof NoOrgConnectedError) && !(error instanceof Error && error.name === 'ConnectionFileError')) {
		return undefined;
	}

	const home = resolveAppHome();
	ensureAppHome(home);
	const settings = openSettings(home.home);
	const store = await openChosenStore(home);
	try {
		const ports = portsOver(store.ports, settings, resolveOperator(home.home), describeError);
		if (!options.dryRun) {
			await ports.guard.require(options.confirmHeld ? 'release-held' : 'sync');
		}

		if (!settings.get('autoSync')) {
			writeSyncReport(offReport(), options.json, out);
			return syncExitCodes.done;
		}

		if (!options.dryRun) {
			const at = ports.clock.now().toISOString();
			await ports.store.recordFailedRun({operator: ports.operator.login, mode: 'auto', startedAt: at, selectedCount: 0}, describeError(error), at);
		}
	} finally {
		await store.close();
	}

	return undefined;
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
		const code = await unconnectedSync(error, options, out);
		if (code !== undefined) {
			return code;
		}

		writeRunFailure(error, options.json, out);
		throw error;
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
