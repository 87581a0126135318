import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Who connects where: what a ~/.pgpass line is matched against. */
export type PasswordTarget = {host: string; port: string; database: string; user: string; password?: string};

/** One field of a .pgpass line: `*` matches anything; `\:` and `\\` stand for themselves. */
function splitPgpassLine(line: string): string[] {
	const fields: string[] = [];
	let current = '';
	for (let index = 0; index < line.length; index++) {
		const char = line[index]!;
		if (char === '\\' && index + 1 < line.length) {
			current += line[++index];
		} else if (char === ':' && fields.length < 4) {
			fields.push(current);
			current = '';
		} else {
			current += char;
		}
	}

	fields.push(current);
	return fields;
}

/** The password ~/.pgpass (or $PGPASSFILE) holds for this target, read as libpq does: first matching line wins. */
export function passwordFromPgpass(target: PasswordTarget, env: NodeJS.ProcessEnv = process.env, warn: (message: string) => void = () => {}): string | undefined {
	const file = env.PGPASSFILE?.trim() || path.join(env.HOME?.trim() || os.homedir(), '.pgpass');
	let text: string;
	try {
		const stat = fs.statSync(file);
		if (!stat.isFile()) {
			return undefined;
		}

		// libpq ignores a password file others may read; so do we, and say why.
		if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
			warn(`The password file ${file} may be read by others, so it was not used (chmod 0600 it).`);
			return undefined;
		}

		text = fs.readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}

	for (const line of text.split(/\r?\n/)) {
		if (line.trim() === '' || line.startsWith('#')) {
			continue;
		}

		const fields = splitPgpassLine(line);
		if (fields.length < 5) {
			continue;
		}

		const [host, port, database, user, password] = fields as [string, string, string, string, string];
		const matches = (pattern: string, value: string) => pattern === '*' || pattern === value;
		if (matches(host, target.host) && matches(port, target.port) && matches(database, target.database) && matches(user, target.user)) {
			return password;
		}
	}

	return undefined;
}

/** The password as libpq users expect: the URL's own, then PGPASSWORD, then the password file; undefined when none. */
export function resolvePostgresPassword(target: PasswordTarget, env: NodeJS.ProcessEnv = process.env, warn?: (message: string) => void): string | undefined {
	if (target.password !== undefined && target.password !== '') {
		return target.password;
	}

	if (env.PGPASSWORD !== undefined && env.PGPASSWORD !== '') {
		return env.PGPASSWORD;
	}

	return passwordFromPgpass(target, env, warn);
}
