#!/usr/bin/env -S node --max-semi-space-size=2 --max-old-space-size=1024
// Heap flags: a small young generation keeps a 100,000-user org near 150 MB instead of about 300 (see the bench).
// npm start passes the same flags; env -S splits them on Linux and macOS.
import {readFileSync} from 'node:fs';
import {isSharedFolder, resolveAppHome} from './app-home.js';
import {NotAdminError} from './core/admin-policy.js';
import type {CommandDefinition} from './commands/command-definition.js';
import {defaultCommand, mainHelp, splitCommandLine} from './commands/command-table.js';
import {notAdminExitCode, salesforceRightsExitCode} from './commands/exit-codes.js';
import {isAppError} from './app/app-error.js';
import {formatHelp} from './commands/help-text.js';
import {parseFlags} from './commands/parse-flags.js';
import {UsageError} from './commands/usage-error.js';
import {toTerminalLines} from './core/terminal-text.js';

/**
 * Every message on standard error may repeat what was typed (an unknown flag or command, a login, an id),
 * and meow writes some of them itself: all of it goes through the screens' terminal-safe text, so that an
 * escape sequence in an argument is never played back to the terminal.
 */
function keepStandardErrorTerminalSafe(): void {
	const write = process.stderr.write.bind(process.stderr) as (chunk: unknown, ...rest: unknown[]) => boolean;
	process.stderr.write = ((chunk: unknown, ...rest: unknown[]) =>
		write(typeof chunk === 'string' ? toTerminalLines(chunk) : Buffer.isBuffer(chunk) ? toTerminalLines(chunk.toString('utf8')) : chunk, ...rest)) as typeof process.stderr.write;
}

keepStandardErrorTerminalSafe();

async function main(argv: string[]): Promise<number> {
	if (argv.length === 1 && argv[0] === '--version') {
		const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string};
		process.stdout.write(`${version}\n`);
		return 0;
	}

	const {command, args} = splitCommandLine(takeDatabaseFlag(argv));
	try {
		return await runCommand(command, args);
	} catch (error: unknown) {
		if (error instanceof UsageError) {
			error.command ??= command.name;
		}

		throw error;
	}
}

/**
 * `--database URL` works on every command, before or after its name: it is taken out here and given to
 * the rest of the program as SALESSCREEN_DATABASE_URL, which a flag overrides.
 */
function takeDatabaseFlag(argv: string[]): string[] {
	const rest: string[] = [];
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index]!;
		if (arg === '--') {
			rest.push(...argv.slice(index));
			break;
		}

		if (arg === '--database' || arg.startsWith('--database=')) {
			const value = arg === '--database' ? argv[++index] : arg.slice('--database='.length);
			if (value === undefined || value.trim() === '' || value.startsWith('--')) {
				throw new UsageError('--database needs a PostgreSQL URL, as in --database postgres://user@host/salesscreen.', {hint: true});
			}

			process.env.SALESSCREEN_DATABASE_URL = value;
			continue;
		}

		rest.push(arg);
	}

	return rest;
}

async function runCommand(command: CommandDefinition, args: string[]): Promise<number> {
	const parsed = parseFlags(args, command.flags);
	if (parsed.help) {
		process.stdout.write(formatHelp(command === defaultCommand ? mainHelp : command.help));
		return 0;
	}

	// A reader that stops early (salesscreen history | head) is not an error worth a stack trace.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			process.exit(0);
		}

		throw error;
	});

	// Everything this program creates (database, its -wal and -shm files, settings) is its owner's alone,
	// or, in a data folder an admin shared with a group (setgid, group rwx), its group's too.
	process.umask(isSharedFolder(resolveAppHome().home) ? 0o007 : 0o077);

	return command.run(parsed);
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error: unknown) {
	if (error instanceof UsageError) {
		const command = error.command ?? '';
		const help = command === '' ? 'salesscreen --help' : `salesscreen ${command} --help`;
		process.stderr.write(`salesscreen${command === '' ? '' : ` ${command}`}: ${error.message}${error.hint ? ` Run ${help}.` : ''}\n`);
		process.exitCode = 2;
	} else if (error instanceof NotAdminError) {
		process.stderr.write(`salesscreen: not an admin: ${error.message}\n`);
		process.exitCode = notAdminExitCode;
	} else if (isAppError(error, 'salesforce-rights')) {
		process.stderr.write(`salesscreen: ${error.message}\n`);
		process.exitCode = salesforceRightsExitCode;
	} else {
		// Loaded only on failure: describing an error pulls in the Salesforce adapter.
		const {describeError} = await import('./session.js');
		process.stderr.write(`salesscreen: ${describeError(error)}\n`);
		process.exitCode = 1;
	}
}
