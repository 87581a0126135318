#!/usr/bin/env -S node --max-semi-space-size=1 --max-old-space-size=1024
// Heap flags: a small young generation keeps a 100,000-user org near 150 MB instead of about 300 (see the bench).
// npm start passes the same flags; env -S splits them on Linux and macOS.
import meow from 'meow';
import {runDemoOrg} from './demo-org/run-demo-org.js';
import {historyCommand} from './commands/history-command.js';
import {importCommand} from './commands/import-command.js';
import {settingsCommand} from './commands/settings-command.js';
import {syncCommand, syncExitCodes} from './commands/sync-command.js';
import {undoCommand} from './commands/undo-command.js';
import {orgFlags, orgFlagsHelp, orgTargetFrom} from './commands/org-flags.js';
import {UsageError} from './commands/usage-error.js';
import {connectCommand} from './commands/connect-command.js';
import {disconnectCommand, statusCommand, statusExitCodes} from './commands/status-command.js';
import {describeError} from './session.js';
import {adminCommand} from './commands/admin-command.js';
import {NotAdminError} from './core/admin-policy.js';
import {notAdminExitCode} from './commands/require-admin.js';
import {isSharedFolder, resolveAppHome} from './app-home.js';

const commands = ['import', 'sync', 'history', 'undo', 'settings', 'connect', 'disconnect', 'status', 'admin', 'demo-org'];

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
	  $ salesscreen undo --help          Undo the last import run
	  $ salesscreen settings --help      Read and change the Settings tab from a script
	  $ salesscreen admin --help         Who may import and change people, teams and settings
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

	// Everything this program creates (database, its -wal and -shm files, settings) is its owner's alone,
	// or, in a data folder an admin shared with a group (setgid, group rwx), its group's too.
	process.umask(isSharedFolder(resolveAppHome().home) ? 0o007 : 0o077);

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

	Exit codes: 0 done (skipped users are reported, not failures), 1 failed, 2 wrong usage,
	3 not an admin (a dry run is open to everyone).
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
	When Automatically sync users is on, import the Salesforce users in the sync scope (settings
	sync-scope; by default active Standard users) with the same rules as Import users, and make
	people whose Salesforce user became inactive inactive (active again when they return),
	recorded as an automatic run. Only users changed since the last sync are read, and every
	user every 24th sync or after 7 days. When it is off, change nothing, say so, and exit 0.

	Safeguard: a run that would make more than safeguard-share (default 20%) of the linked people
	inactive changes nothing, is recorded as held, and exits ${syncExitCodes.held}.

	Usage
	  $ salesscreen sync [--dry-run] [--json] [--confirm-held]

	Options
	  --dry-run       Show what would happen; write nothing
	  --json          One JSON object on standard output
	  --confirm-held  Run even past the safeguard, and mark the held run released
${orgFlagsHelp}

	Run by hand, sync is for admins; cron runs it as the account that owns the data folder, which may.

	Exit codes: 0 done or switched off, 1 failed (nothing written), 2 wrong usage, 3 not an admin,
	${syncExitCodes.held} held by the safeguard (nothing changed).
`,
				{
					importMeta: import.meta,
					description: false,
					argv: cli.input,
					allowUnknownFlags: false,
					flags: {...orgFlags, dryRun: {type: 'boolean', default: false}, json: {type: 'boolean', default: false}, confirmHeld: {type: 'boolean', default: false}},
				},
			);
			rejectInput(sub.input);
			return syncCommand(
				{target: orgTargetFrom(sub.flags), dryRun: sub.flags.dryRun, json: sub.flags.json, confirmHeld: sub.flags.confirmHeld},
				process.stdout,
			);
		}

		case 'undo': {
			const sub = meow(
				`
	Undo the last completed import run, manual or automatic, in one transaction: remove the people it
	created and every link it made (a person it mapped stays, with the fields it filled put back), and
	make the people it deactivated active again. A person it created is kept (without the link) when
	something came to depend on them: an admin or OS login, a team, another record referring to them,
	or an edit since the import. The undo is recorded as a run of its own (mode undo); the undone run
	becomes "undone". Only the last run can be undone, once.

	Usage
	  $ salesscreen undo [--json]

	Options
	  --json         One JSON object on standard output

	Exit codes: 0 undone, 1 nothing to undo (or failed; nothing changed), 2 wrong usage, 3 not an admin.
`,
				{importMeta: import.meta, description: false, argv: cli.input, allowUnknownFlags: false, flags: {json: {type: 'boolean', default: false}}},
			);
			rejectInput(sub.input);
			return undoCommand({json: sub.flags.json}, process.stdout, process.stderr);
		}

		case 'history': {
			const sub = meow(
				`
	Every import run, newest first: who ran it, when, manual, automatic or undo, and what it did;
	a run the safeguard held, one undone, and mappings chosen by hand (manual) are marked.

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
	  team-from-salesforce  off | role | department
	                                Put imported people on a team named after their
	                                Salesforce role or department, creating it (default off)

	  sync-scope       JSON         Which users automatic sync takes; keys left out take their
	                                defaults; an empty list means any (default
	                                {"profiles":[],"roles":[],"departments":[],"userTypes":["Standard"],"activeOnly":true})
	  match-federation-id  on | off When the email finds nobody, map to the person whose federation id
	                                is the user's FederationIdentifier (default off)
	  fill-on-map      none | name | title | name-title
	                                A mapped person's fields overwritten from Salesforce (default none)
	  safeguard-share  0–1 or N%    Hold an automatic run that would make more than this share of the
	                                linked people inactive (default 0.2)

	page-size and show-all-users change only what is listed, so anyone may set them; the others
	change what SalesScreen does, and only an admin may set them.

	Example
	  $ salesscreen settings set auto-sync on

	Exit codes: 0 done, 1 failed, 2 wrong usage, 3 not an admin.
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

	Exit codes: 0 connected, 2 wrong usage, 3 not a SalesScreen admin, 4 connected without the
	Salesforce rights import needs, 1 failed.
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

	Exit codes: 0 disconnected (or nothing to do), 1 failed, 3 not an admin.
`,
				{importMeta: import.meta, description: false, argv: cli.input, allowUnknownFlags: false, flags: {}},
			);
			rejectInput(sub.input);
			return disconnectCommand(process.stdout);
		}

		case 'admin': {
			const sub = meow(
				`
	Who administers SalesScreen: the people whose OS login runs salesscreen with role admin. Only they
	may import, sync by hand, change settings, connect or disconnect an org, and change people and
	teams; everyone else may look. While there is no admin at all, whoever runs salesscreen may.

	Usage
	  $ salesscreen admin add LOGIN [--name N] [--email E] [--json]
	  $ salesscreen admin list [--json]

	add makes the OS login an admin: the person who carries it already, or the person with that
	email (who then carries it), or a new person with that name and email. Allowed to an admin,
	or to anyone while the store has no admin.

	Options
	  --name N      The person's name (needed for a new person)
	  --email E     The person's email (needed for a new person)
	  --json        One JSON value on standard output

	Example
	  $ salesscreen admin add alice --name "Alice Admin" --email alice@acme.com

	Exit codes: 0 done, 1 failed, 2 wrong usage, 3 not an admin.
`,
				{
					importMeta: import.meta,
					description: false,
					argv: cli.input,
					allowUnknownFlags: false,
					flags: {name: {type: 'string'}, email: {type: 'string'}, json: {type: 'boolean', default: false}},
				},
			);
			return adminCommand(sub.input, sub.flags, process.stdout);
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
	} else if (error instanceof NotAdminError) {
		process.stderr.write(`salesscreen: not an admin: ${error.message}\n`);
		process.exitCode = notAdminExitCode;
	} else {
		process.stderr.write(`salesscreen: ${describeError(error)}\n`);
		process.exitCode = 1;
	}
}
