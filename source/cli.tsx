#!/usr/bin/env -S node --max-semi-space-size=1 --max-old-space-size=1024
// Heap flags: a small young generation keeps a 100,000-user org near 150 MB instead of about 300 (see the bench).
// npm start passes the same flags; env -S splits them on Linux and macOS.
import meow from 'meow';
import {isSharedFolder, resolveAppHome} from './app-home.js';
import {NotAdminError} from './core/admin-policy.js';
import {commands, defaultCommand, mainHelp} from './commands/command-table.js';
import {notAdminExitCode} from './commands/exit-codes.js';
import {UsageError} from './commands/usage-error.js';

async function main(argv: string[]): Promise<number> {
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

	const cli = meow(mainHelp, {
		importMeta: import.meta,
		description: false,
		argv,
		commands: commands.map((command) => command.name),
		allowUnknownFlags: false,
		flags: defaultCommand.flags,
	});
	const command = commands.find((candidate) => candidate.name === cli.command);
	if (command === undefined) {
		return defaultCommand.run({input: cli.input, flags: cli.flags});
	}

	const sub = meow(command.help, {importMeta: import.meta, description: false, argv: cli.input, allowUnknownFlags: false, flags: command.flags});
	return command.run({input: sub.input, flags: sub.flags});
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error: unknown) {
	if (error instanceof UsageError) {
		process.stderr.write(`salesscreen: ${error.message}\n`);
		process.exitCode = 2;
	} else if (error instanceof NotAdminError) {
		process.stderr.write(`salesscreen: not an admin: ${error.message}\n`);
		process.exitCode = notAdminExitCode;
	} else {
		// Loaded only on failure: describing an error pulls in the Salesforce adapter.
		const {describeError} = await import('./session.js');
		process.stderr.write(`salesscreen: ${describeError(error)}\n`);
		process.exitCode = 1;
	}
}
