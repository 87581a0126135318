import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {fileModeFor} from '../app-home.js';

/** What every saved connection knows of the org it reached when it was made. */
type ConnectedOrg = {
	instanceUrl: string;
	orgId: string;
	userId: string;
	username: string;
	/** ISO time the admin connected. */
	connectedAt: string;
	accessToken: string;
};

/**
 * How the app reaches the org from one run to the next. The device flow keeps a refresh token (renewed for
 * months, rotated when Salesforce says so); JWT keeps the key's path and signs a new assertion when the
 * session expires; a bare access token lasts until that session ends.
 */
export type SavedConnection =
	| (ConnectedOrg & {method: 'device'; loginUrl: string; clientId: string; refreshToken: string})
	| (ConnectedOrg & {method: 'jwt'; loginUrl: string; clientId: string; privateKeyFile: string})
	| (ConnectedOrg & {method: 'token'});

export type ConnectionMethod = SavedConnection['method'];

export type ConnectionFile = {
	path: string;
	read(): SavedConnection | undefined;
	save(connection: SavedConnection): void;
	/** Keeps the newest tokens after a renewal; a no-op when nothing is saved. */
	updateTokens(tokens: {accessToken: string; refreshToken?: string; instanceUrl?: string}): void;
	clear(): void;
};

export class ConnectionFileError extends Error {
	override name = 'ConnectionFileError';
}

type FileShape = {connection?: SavedConnection};

const requiredFields: Record<ConnectionMethod, readonly string[]> = {
	device: ['loginUrl', 'clientId', 'refreshToken'],
	jwt: ['loginUrl', 'clientId', 'privateKeyFile'],
	token: [],
};
const commonFields = ['instanceUrl', 'orgId', 'userId', 'username', 'connectedAt', 'accessToken'];

/**
 * The saved connection lives in its own file beside the settings, readable by its owner only: it holds
 * tokens, and settings are things one may show or copy to a colleague.
 */
export function openConnectionFile(home: string): ConnectionFile {
	const file = path.join(home, 'connection.json');
	const open = () => {
		try {
			return new Conf<FileShape>({cwd: home, configName: 'connection', configFileMode: fileModeFor(home), clearInvalidConfig: false, projectSuffix: ''});
		} catch (error: unknown) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new ConnectionFileError(
				`The saved Salesforce connection ${file} cannot be read (${reason}). It was left as it is: run "salesscreen disconnect" to remove it, then connect again.`,
			);
		}
	};

	const store = open();
	return {
		path: store.path,
		read() {
			const saved = store.get('connection');
			if (saved === undefined) {
				return undefined;
			}

			const fields = requiredFields[saved.method as ConnectionMethod];
			const missing = fields === undefined ? ['method'] : [...commonFields, ...fields].filter((field) => typeof (saved as Record<string, unknown>)[field] !== 'string');
			if (missing.length > 0) {
				throw new ConnectionFileError(
					`The saved Salesforce connection in ${file} is incomplete (missing ${missing.join(', ')}); run "salesscreen disconnect", then connect again.`,
				);
			}

			return saved;
		},
		save(connection) {
			store.set('connection', connection);
		},
		updateTokens({accessToken, refreshToken, instanceUrl}) {
			const saved = store.get('connection');
			if (saved === undefined) {
				return;
			}

			store.set('connection', {
				...saved,
				accessToken,
				...(instanceUrl ? {instanceUrl} : {}),
				...(refreshToken !== undefined && saved.method === 'device' ? {refreshToken} : {}),
			});
		},
		clear() {
			store.delete('connection');
		},
	};
}

/** Moves an unreadable connection file aside (never deleting what a person may want to look at) and says where. */
export function setAsideConnectionFile(home: string): string {
	const file = path.join(home, 'connection.json');
	const aside = `${file}.unreadable-${new Date().toISOString().replaceAll(':', '-')}`;
	fs.renameSync(file, aside);
	return aside;
}
