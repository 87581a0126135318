import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {z} from 'zod';
import {fileModeFor, isSharedFolder} from '../app-home.js';
import {insecureUrlReason} from '../core/secure-url.js';

const text = z.string().min(1);
const httpUrl = z.url().superRefine((value, context) => {
	const insecure = insecureUrlReason(new URL(value));
	if (insecure !== undefined) {
		context.addIssue({code: 'custom', message: insecure});
	}
});

/** What every saved connection knows of the org it reached when it was made. */
const connectedOrg = {
	instanceUrl: httpUrl,
	orgId: text,
	userId: text,
	username: text,
	/** ISO time the admin connected. */
	connectedAt: text,
	accessToken: text,
};

/**
 * How the app reaches the org from one run to the next. The device flow keeps a refresh token (renewed for
 * months, rotated when Salesforce says so); JWT keeps the key's path and signs a new assertion when the
 * session expires; a bare access token lasts until that session ends.
 */
export const savedConnectionSchema = z.discriminatedUnion('method', [
	z.object({...connectedOrg, method: z.literal('device'), loginUrl: httpUrl, clientId: text, refreshToken: text}),
	z.object({...connectedOrg, method: z.literal('jwt'), loginUrl: httpUrl, clientId: text, privateKeyFile: text}),
	z.object({...connectedOrg, method: z.literal('token')}),
]);

export type SavedConnection = z.infer<typeof savedConnectionSchema>;

export type {ConnectionMethod} from '../core/connection-method.js';

/** Why a connection file holds no connection the app can use. */
export type ConnectionFileProblem = 'unreadable' | 'wrong-shape' | 'incomplete' | 'insecure-url' | 'exposed';

/**
 * What the connection file holds: nothing (no file, or an empty object, as after a disconnect), a
 * usable connection, or something that is not one, with why and the words to show. A caller can tell "no
 * org is connected" from "a connection is saved but unusable" without reading any message.
 */
export type SavedConnectionState =
	| {kind: 'none'}
	| {kind: 'saved'; connection: SavedConnection}
	| {kind: 'unusable'; problem: ConnectionFileProblem; message: string};

export type ConnectionFile = {
	path: string;
	/** The state of the file; never throws for what the file holds. */
	state(): SavedConnectionState;
	/** The usable connection, undefined when none is saved; throws a ConnectionFileError when the file is unusable. */
	read(): SavedConnection | undefined;
	save(connection: SavedConnection): void;
	/** Keeps the newest tokens after a renewal; a no-op when nothing is saved. */
	updateTokens(tokens: {accessToken: string; refreshToken?: string; instanceUrl?: string}): void;
	clear(): void;
};

export class ConnectionFileError extends Error {
	override name = 'ConnectionFileError';
	constructor(
		readonly problem: ConnectionFileProblem,
		message: string,
	) {
		super(message);
	}
}

type FileShape = {connection?: SavedConnection};

const startAgain = 'run "salesscreen disconnect" (it moves the file aside), then connect again';

/** Where and what is wrong, in words: `connection: expected an object, got null`. */
function firstProblem(error: z.ZodError): {problem: ConnectionFileProblem; detail: string} {
	const issue = error.issues[0]!;
	const where = issue.path.map(String).join('.');
	const insecure = issue.code === 'custom';
	const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
	const reason = issue.message.replace(/^Invalid input: /, '').replace(/[^\x20-\x7E]/g, '');
	return {
		problem: insecure ? 'insecure-url' : missing ? 'incomplete' : 'wrong-shape',
		detail: missing ? `${where} is missing` : where ? `${where}: ${reason}` : reason,
	};
}

/** Reads the file as it is: its JSON and what it means, without Conf, which takes any JSON for an empty store. */
function inspect(file: string): SavedConnectionState {
	let raw: string;
	try {
		raw = fs.readFileSync(file, 'utf8');
	} catch (error: unknown) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return {kind: 'none'};
		}

		const code = (error as NodeJS.ErrnoException).code ?? String(error);
		return {kind: 'unusable', problem: 'unreadable', message: `The saved Salesforce connection ${file} cannot be read (${code}); check its permissions, or ${startAgain}.`};
	}

	let body: unknown;
	try {
		body = JSON.parse(raw);
	} catch (error: unknown) {
		const reason = error instanceof Error ? error.message : String(error);
		return {
			kind: 'unusable',
			problem: 'unreadable',
			message: `The saved Salesforce connection ${file} cannot be read (it is not valid JSON: ${reason}). It was left as it is: ${startAgain}.`,
		};
	}

	if (typeof body === 'object' && body !== null && !Array.isArray(body) && !('connection' in body)) {
		// What a disconnect leaves behind.
		return {kind: 'none'};
	}

	const shape = z.object({connection: savedConnectionSchema}).safeParse(body);
	if (!shape.success) {
		const {problem, detail} = firstProblem(shape.error);
		const what = problem === 'incomplete' ? 'is incomplete' : problem === 'insecure-url' ? 'points at an address tokens may not go to' : 'does not hold a connection';
		return {kind: 'unusable', problem, message: `The saved Salesforce connection in ${file} ${what} (${detail}). It was left as it is: ${startAgain}.`};
	}

	return {kind: 'saved', connection: shape.data.connection};
}

/**
 * A file holding tokens is its owner's alone (in a shared install, also its group's), and so is the folder
 * it is in; one made before that rule, or by hand, is tightened when the app meets it, and when that is
 * not allowed (another account owns it) the admin is told the command that does it.
 */
function keepPrivate(file: string, home: string): void {
	const shared = isSharedFolder(home);
	const tighten = (target: string, allowed: number, fix: string) => {
		let mode: number;
		try {
			mode = fs.statSync(target).mode & 0o7777;
		} catch {
			return;
		}

		if ((mode & 0o777 & ~allowed) === 0) {
			return;
		}

		try {
			// The setgid bit of a shared folder stays: it is what gives new files the group.
			fs.chmodSync(target, mode & (allowed | 0o7000));
		} catch {
			throw new ConnectionFileError(
				'exposed',
				`${target} holds Salesforce tokens but others may read it (mode ${mode.toString(8).padStart(4, '0')}), and salesscreen may not change that; run: ${fix}`,
			);
		}
	};

	tighten(home, shared ? 0o770 : 0o700, `chmod ${shared ? '2770' : '700'} ${home}`);
	tighten(file, shared ? 0o660 : 0o600, `chmod ${shared ? '660' : '600'} ${file}`);
}

/**
 * The saved connection lives in its own file beside the settings, readable by its owner only: it holds
 * tokens, and settings are things one may show or copy to a colleague.
 */
export function openConnectionFile(home: string): ConnectionFile {
	const file = path.join(home, 'connection.json');
	let store: Conf<FileShape> | undefined;
	// Opened only to write: reading goes through inspect(), which says what is wrong with a file.
	const writable = () => {
		if (store) {
			return store;
		}

		try {
			store = new Conf<FileShape>({cwd: home, configName: 'connection', configFileMode: fileModeFor(home), clearInvalidConfig: false, projectSuffix: ''});
			return store;
		} catch (error: unknown) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new ConnectionFileError('unreadable', `The saved Salesforce connection ${file} cannot be read (${reason}). It was left as it is: ${startAgain}.`);
		}
	};

	const state = (): SavedConnectionState => {
		const found = inspect(file);
		if (found.kind !== 'saved') {
			return found;
		}

		try {
			keepPrivate(file, home);
		} catch (error: unknown) {
			return {kind: 'unusable', problem: 'exposed', message: (error as Error).message};
		}

		return found;
	};

	return {
		path: file,
		state,
		read() {
			const found = state();
			if (found.kind === 'unusable') {
				throw new ConnectionFileError(found.problem, found.message);
			}

			return found.kind === 'saved' ? found.connection : undefined;
		},
		save(connection) {
			// Only a whole connection is saved: a part of one is refused by every command afterwards.
			const checked = savedConnectionSchema.safeParse(connection);
			if (!checked.success) {
				throw new ConnectionFileError('incomplete', `The connection was not saved: it is not whole (${firstProblem(checked.error).detail}).`);
			}

			writable().set('connection', checked.data);
			keepPrivate(file, home);
		},
		updateTokens({accessToken, refreshToken, instanceUrl}) {
			const found = inspect(file);
			if (found.kind !== 'saved') {
				return;
			}

			const saved = found.connection;
			writable().set('connection', {
				...saved,
				accessToken,
				...(instanceUrl ? {instanceUrl} : {}),
				...(refreshToken !== undefined && saved.method === 'device' ? {refreshToken} : {}),
			});
		},
		clear() {
			if (fs.existsSync(file)) {
				writable().delete('connection');
			}
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
