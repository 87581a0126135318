#!/usr/bin/env -S node --max-semi-space-size=1 --max-old-space-size=1024
// Heap flags: a small young generation keeps a 100,000-user org near 150 MB instead of about 300 (see the bench).
// npm start passes the same flags; env -S splits them on Linux and macOS.
import meow from 'meow';
import {runDemoOrg} from './demo-org/run-demo-org.js';
import {historyCommand} from './commands/history-command.js';
import {importCommand} from './commands/import-command.js';
import {settingsCommand} from './commands/settings-command.js';
import {syncCommand} from './commands/sync-command.js';
import {orgFlags, orgFlagsHelp, orgTargetFrom} from './commands/org-flags.js';
import {UsageError} from './commands/usage-error.js';
import {connectCommand} from './commands/connect-command.js';
import {disconnectCommand, statusCommand, statusExitCodes} from './commands/status-command.js';
import {describeError} from './session.js';

const commands = ['import', 'sync', 'history', 'settings', 'connect', 'disconnect', 'status', 'demo-org'];

const mainHelp = `
	Bring people from a connected Salesforce org into SalesScreen.

	Usage
	  $ salesscreen [options]            Open the app (full screen)
	  $ salesscreen connect --help       Connect your Salesforce org (device login, JWT, token)
	  $ salesscreen status               Whether the connection works and may import
	  $ salesscreen disconnect           Log out at Salesforce and forget the connection
	  $ salesscreen import --help        Import users from a script
	  $ salesscreen sync --help          Automatic sync, for cron or a systemd timer
	  $ salesscreen history --help       Every import run and its outcomes (text, JSON, CSV)
	  $ salesscreen settings --help      Read and change the Settings tab from a script
	  $ salesscreen demo-org --help      Run the built-in demo org on its own
${orgFlagsHelp}

	Data lives in $SALESSCREEN_HOME, or your platform's data folder when it is not set.
`;

async function main(argv: string[]): Promise<number> {
	// A reader that stops early (salesscreen history | head) is not an error worth a stack trace.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			process.exit(0);
		}

		throw error;
	});

	// Everything this program creates (database, its -wal and -shm files, settings) is its owner's alone.
	process.umask(0o077);

	const cli = meow(mainHelp, {
		importMeta: import.meta,
		description: false,
		argv,
		commands,
		allowUnknownFlags: false,
		flags: orgFlags,
	});

	switch (cli.command) {
		case 'import': {
			const sub = meow(
				`
	Import Salesforce users into SalesScreen, exactly as the app's Import users does.

	Usage
	  $ salesscreen import --all [--dry-run] [--json]
	  $ salesscreen import --id 005… [--id 005…] [--dry-run] [--json]

	Options
	  --all          Every active Standard user of the org
	  --id SFID      One Salesforce user id; repeat for more
	  --dry-run      Show what would happen; write nothing
	  --json         One JSON object on standard output
${orgFlagsHelp}

	Exit codes: 0 done (skipped users are reported, not failures), 1 failed, 2 wrong usage.
`,
				{
					importMeta: import.meta,
					description: false,
					argv: cli.input,
					allowUnknownFlags: false,
					flags: {
						...orgFlags,
						all: {type: 'boolean', default: false},
						id: {type: 'string', isMultiple: true},
						dryRun: {type: 'boolean', default: false},
						json: {type: 'boolean', default: false},
					},
				},
			);
			rejectInput(sub.input);
			return importCommand(
				{target: orgTargetFrom(sub.flags), all: sub.flags.all, ids: sub.flags.id ?? [], dryRun: sub.flags.dryRun, json: sub.flags.json},
				process.stdout,
			);
		}

		case 'sync': {
			const sub = meow(
				`
	When Automatically sync users is on, import every eligible Salesforce user (active, Standard,
	not imported yet) with the same rules as Import users, recorded as an automatic run.
	When it is off, change nothing, say so, and exit 0.

	Usage
	  $ salesscreen sync [--dry-run] [--json]

	Options
	  --dry-run      Show what would happen; write nothing
	  --json         One JSON object on standard output
${orgFlagsHelp}

	Exit codes: 0 done or switched off, 1 failed (nothing written), 2 wrong usage.
`,
				{
					importMeta: import.meta,
					description: false,
					argv: cli.input,
					allowUnknownFlags: false,
					flags: {...orgFlags, dryRun: {type: 'boolean', default: false}, json: {type: 'boolean', default: false}},
				},
			);
			rejectInput(sub.input);
			return syncCommand({target: orgTargetFrom(sub.flags), dryRun: sub.flags.dryRun, json: sub.flags.json}, process.stdout);
		}

		case 'history': {
			const sub = meow(
				`
	Every import run, newest first: who ran it, when, manual or automatic, and what it did.

	Usage
	  $ salesscreen history [--json | --csv] [--limit N]

	Options
	  --json        The runs with each user's outcome, as one JSON array
	  --csv         One row per user outcome, with its run's columns
	  --limit N     Only the newest N runs
`,
				{
					importMeta: import.meta,
					description: false,
					argv: cli.input,
					allowUnknownFlags: false,
					flags: {json: {type: 'boolean', default: false}, csv: {type: 'boolean', default: false}, limit: {type: 'number'}},
				},
			);
			rejectInput(sub.input);
			if (sub.flags.json && sub.flags.csv) {
				throw new UsageError('Choose one of --json and --csv.');
			}

			return historyCommand({format: sub.flags.json ? 'json' : sub.flags.csv ? 'csv' : 'text', limit: sub.flags.limit}, process.stdout);
		}

		case 'settings': {
			const sub = meow(
				`
	Read and change the Settings tab's settings from a script, with the same effect.

	Usage
	  $ salesscreen settings get [KEY]
	  $ salesscreen settings set KEY VALUE

	Settings
	  auto-sync        on | off     Automatically sync users (default off)
	  page-size        auto | 1–500 Users per page (default auto: fit the terminal)
	  show-all-users   on | off     List inactive and non-Standard users too (default off)

	Example
	  $ salesscreen settings set auto-sync on
`,
				{importMeta: import.meta, description: false, argv: cli.input, allowUnknownFlags: false, flags: {}},
			);
			return settingsCommand(sub.input, process.stdout);
		}

		case 'connect': {
			const sub = meow(
				`
	Connect a Salesforce org and save the connection (tokens in an owner-only file in the data folder).
	The app and every command use it from then on.

	Usage
	  $ salesscreen connect device [--login-url L] [--client-id ID] [--no-qr]
	  $ salesscreen connect jwt --client-id ID --username U --key-file F [--login-url L]
	  $ salesscreen connect token --instance-url URL --access-token T

	Ways to connect
	  device   For a terminal without a browser: shows a URL and a code to approve on any device.
	  jwt      For unattended runs (sync from cron): a connected app with your certificate.
	  token    A session id or access token you already have (sf org display), until it expires.

	Options
	  --login-url L       production (default), sandbox, or your My Domain URL
	  --client-id ID      The connected app's consumer key (device: defaults to the Salesforce CLI's app)
	  --username U        The Salesforce username to act as (jwt)
	  --key-file F        The PEM private key whose certificate the connected app holds (jwt)
	  --instance-url URL  The org's URL (token)
	  --access-token T    The token; without it, read from standard input (out of your shell history)
	  --no-qr             Do not draw the verification URL as a QR code (device)

	Exit codes: 0 connected, 2 wrong usage, 4 connected without the Salesforce rights import needs, 1 failed.
`,
				{
					importMeta: import.meta,
					description: false,
					argv: cli.input,
					allowUnknownFlags: false,
					flags: {
						loginUrl: {type: 'string'},
						clientId: {type: 'string'},
						username: {type: 'string'},
						keyFile: {type: 'string'},
						instanceUrl: {type: 'string'},
						accessToken: {type: 'string'},
						qr: {type: 'boolean', default: true},
					},
				},
			);
			const controller = new AbortController();
			const cancel = () => {
				controller.abort();
			};

			process.once('SIGINT', cancel);
			try {
				return await connectCommand(sub.input, sub.flags, process.stdout, controller.signal);
			} finally {
				process.off('SIGINT', cancel);
			}
		}

		case 'status': {
			const sub = meow(
				`
	Check the saved connection: reachable, signed in, and allowed to list users.

	Usage
	  $ salesscreen status [--json]

	Exit codes: ${statusExitCodes.ok} connected and authorized, ${statusExitCodes.notConnected} not connected, ${statusExitCodes.failing} the connection fails,
	${statusExitCodes.notAuthorized} connected but without Manage Users or View All Users on Salesforce.
`,
				{importMeta: import.meta, description: false, argv: cli.input, allowUnknownFlags: false, flags: {json: {type: 'boolean', default: false}}},
			);
			rejectInput(sub.input);
			return statusCommand(sub.flags.json, process.stdout);
		}

		case 'disconnect': {
			const sub = meow(
				`
	Log out at Salesforce (revoking the saved tokens) and forget the connection. The app then shows the
	built-in demo org until you connect again.

	Usage
	  $ salesscreen disconnect
`,
				{importMeta: import.meta, description: false, argv: cli.input, allowUnknownFlags: false, flags: {}},
			);
			rejectInput(sub.input);
			return disconnectCommand(process.stdout);
		}

		case 'demo-org': {
			const sub = meow(
				`
	Run the built-in demo org, a local server that speaks enough of Salesforce's REST and OAuth API
	for jsforce, until stopped with Ctrl+C.

	Usage
	  $ salesscreen demo-org [--port N] [--users N] [--seed S] [--users-file F] [--json] [org and fault options]

	Options
	  --port N                 Port on 127.0.0.1 (default: a free one)
	  --users N                How many users to generate (default 300)
	  --seed S                 Seed for the generated users and the client id (same seed, same ones)
	  --users-file F           Serve the users in this JSON file instead
	  --json                   Print one line {"instanceUrl", "accessToken", "clientId"} once listening

	Org
	  --sandbox                Be a sandbox (Organization.IsSandbox = true)
	  --api-daily-limit N      API calls allowed before 403 REQUEST_LIMIT_EXCEEDED (default 100000)
	  --session-lifetime S     Access tokens expire after S seconds (default: never)
	  --device-poll-interval S Seconds a device login waits between polls (default 5)
	  --rotate-refresh-tokens  Each refresh answers a new refresh token; the old one stops working
	  --jwt-public-key FILE    Certificate or public key (PEM) that JWT bearer assertions must be signed for

	Faults (REST calls; the OAuth token endpoint only gets the latency)
	  --latency MS             Every response waits MS milliseconds
	  --failure-rate R         Answer this share of REST calls (0 to 1) with 503 SERVER_UNAVAILABLE
	  --fail-next N            Answer the next N REST calls with 503 SERVER_UNAVAILABLE
	  --reset-mid-page N       Break off the next N query pages half-way through the body
	  --reject-sessions        Answer every REST call 401 INVALID_SESSION_ID, even after a refresh

	Devices log in with the OAuth device flow: approve their code at <instance URL>/setup/connect.
`,
				{
					importMeta: import.meta,
					description: false,
					argv: cli.input,
					allowUnknownFlags: false,
					flags: {
						port: {type: 'number'},
						users: {type: 'number'},
						seed: {type: 'number'},
						usersFile: {type: 'string'},
						json: {type: 'boolean', default: false},
						sandbox: {type: 'boolean', default: false},
						apiDailyLimit: {type: 'number'},
						sessionLifetime: {type: 'number'},
						devicePollInterval: {type: 'number'},
						rotateRefreshTokens: {type: 'boolean', default: false},
						jwtPublicKey: {type: 'string'},
						latency: {type: 'number'},
						failureRate: {type: 'number'},
						failNext: {type: 'number'},
						resetMidPage: {type: 'number'},
						rejectSessions: {type: 'boolean', default: false},
					},
				},
			);
			rejectInput(sub.input);
			const org = await runDemoOrg(sub.flags, process.stdout);
			await new Promise<void>((resolve) => {
				const stop = () => {
					resolve();
				};

				process.once('SIGINT', stop);
				process.once('SIGTERM', stop);
			});
			await org.close();
			return 0;
		}

		default: {
			rejectInput(cli.input);
			const target = orgTargetFrom(cli.flags);
			if (process.stdin.isTTY && process.stdout.isTTY) {
				// Ink decides once, when it loads, that a CI variable means "print only the last frame".
				// A person at a terminal wants the live screen, so the app (and ink) load after this.
				delete process.env.CI;
				delete process.env.CONTINUOUS_INTEGRATION;
			}

			// React's development build costs several milliseconds a keypress; an installed app runs the production one.
			process.env.NODE_ENV ??= 'production';
			const {openApp} = await import('./commands/open-app.js');
			return openApp(target);
		}
	}
}

function rejectInput(input: readonly string[]): void {
	if (input.length > 0) {
		throw new UsageError(`Unexpected argument "${input[0]}". Run salesscreen --help.`);
	}
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error: unknown) {
	if (error instanceof UsageError) {
		process.stderr.write(`salesscreen: ${error.message}\n`);
		process.exitCode = 2;
	} else {
		process.stderr.write(`salesscreen: ${describeError(error)}\n`);
		process.exitCode = 1;
	}
}
