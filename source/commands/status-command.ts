import {existsSync} from 'node:fs';
import {ensureAppHome, resolveAppHome, type AppHome} from '../app-home.js';
import {connectionFromSaved, revokeSavedConnection} from '../org-connection.js';
import {fetchOrgOverview} from '../salesforce/org-overview.js';
import {ConnectionFileError, openConnectionFile, setAsideConnectionFile, type ConnectionFile, type SavedConnection} from '../settings/saved-connection.js';
import {describeError} from '../session.js';
import {withChosenStore} from '../chosen-store.js';
import {noTeamSentence, placeFromCommandLine} from '../core/no-team.js';
import {selectStore} from '../store-selection.js';
import {describeStoreLocation, type StoreLocation} from '../store/store-location.js';
import {describeOrgOverview} from './org-report.js';
import {requireAdmin} from './require-admin.js';
import {statusExitCodes} from './exit-codes.js';

export {statusExitCodes} from './exit-codes.js';

/**
 * Active people on no team in the store, whose sales activity SalesScreen does not count; undefined when
 * there is no store yet or it cannot be read (status is about the connection, and says that much anyway).
 */
async function peopleOnNoTeam(home: AppHome, location: StoreLocation): Promise<number | undefined> {
	if (location.engine === 'sqlite' && !existsSync(location.file)) {
		return undefined;
	}

	try {
		return await withChosenStore(home, async (store) => store.ports.runs.peopleOnNoTeam(), {migrate: false});
	} catch {
		return undefined;
	}
}

/** `salesscreen status`: whether the saved connection works now, and may import. */
export async function statusCommand(json: boolean, out: NodeJS.WritableStream): Promise<number> {
	const home = resolveAppHome();
	ensureAppHome(home);
	// Which store the app and every command use now: the SQLite file, or PostgreSQL's host and database (never a password).
	const location = selectStore(home);
	const store = {engine: location.engine, name: describeStoreLocation(location)};
	const file = openConnectionFile(home.home);
	const saved = file.read();
	const onNoTeam = await peopleOnNoTeam(home, location);
	const report = (code: number, facts: Record<string, unknown>, text: string) => {
		const reminder = onNoTeam ? `${noTeamSentence(onNoTeam)}; ${placeFromCommandLine}.\n` : '';
		out.write(
			json
				? `${JSON.stringify({status: Object.keys(statusExitCodes).find((key) => statusExitCodes[key as keyof typeof statusExitCodes] === code), ...facts, ...(onNoTeam === undefined ? {} : {peopleOnNoTeam: onNoTeam}), store})}\n`
				: `${text}${reminder}Store: ${store.name}\n`,
		);
		return code;
	};

	if (!saved) {
		return report(
			statusExitCodes.notConnected,
			{message: 'No org is connected.'},
			'Not connected: no org is saved (the app shows the built-in demo org). Connect with: salesscreen connect device\n',
		);
	}

	const base = {method: saved.method, instanceUrl: saved.instanceUrl, orgId: saved.orgId, username: saved.username, connectedAt: saved.connectedAt};
	try {
		const overview = await fetchOrgOverview(connectionFromSaved(saved, file));
		const facts = {
			...base,
			orgName: overview.orgName,
			isSandbox: overview.isSandbox,
			authorized: overview.adminRights.authorized,
			grantedBy: overview.adminRights.grantedBy,
			apiUsage: overview.apiUsage ?? null,
		};
		const text = `Connected (${saved.method}) since ${saved.connectedAt}\n${describeOrgOverview(overview)}`;
		return overview.adminRights.authorized
			? report(statusExitCodes.ok, facts, text)
			: report(statusExitCodes.notAuthorized, {...facts, message: overview.adminRights.reason}, `${text}\n${overview.adminRights.reason}\n`);
	} catch (error: unknown) {
		const message = describeError(error);
		return report(statusExitCodes.failing, {...base, message}, `The saved connection to ${saved.instanceUrl} does not work: ${message}\n`);
	}
}

/** `salesscreen disconnect`: logs out at Salesforce where it can, and forgets the connection either way. */
export async function disconnectCommand(out: NodeJS.WritableStream): Promise<number> {
	await requireAdmin('disconnect');
	const home = resolveAppHome();
	ensureAppHome(home);
	let file: ConnectionFile;
	let saved: SavedConnection | undefined;
	try {
		file = openConnectionFile(home.home);
		saved = file.read();
	} catch (error: unknown) {
		if (!(error instanceof ConnectionFileError)) {
			throw error;
		}

		out.write(`The saved connection could not be read, so it was moved aside to ${setAsideConnectionFile(home.home)}; you are disconnected.\n`);
		return 0;
	}

	if (!saved) {
		out.write('Not connected; nothing to do.\n');
		return 0;
	}

	let logout = 'logged out at Salesforce';
	try {
		await revokeSavedConnection(saved);
	} catch (error: unknown) {
		logout = `Salesforce could not be told to log out (${describeError(error)}); the token was forgotten here, and ends when it expires`;
	}

	file.clear();
	out.write(`Disconnected from ${saved.instanceUrl} (${saved.username}): ${logout}.\n`);
	return 0;
}
