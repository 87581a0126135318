import {defineCommand, rejectInput} from './command-definition.js';

export const demoOrgDefinition = defineCommand({
	name: 'demo-org',
	synopsis: 'demo-org --help',
	summary: 'Run the built-in demo org on its own',
	help: `
	Run the built-in demo org, a local server that speaks enough of Salesforce's REST and OAuth API
	for jsforce, until stopped with Ctrl+C.

	Usage
	  $ salesscreen demo-org [--port N] [--users N] [--seed S] [--users-file F] [--json] [org and fault options]

	Options
	  --port N                 Port on 127.0.0.1 (default: a free one)
	  --users N                How many users to generate (default 300)
	  --seed S                 Seed for the generated users and the client id (same seed, same ones)
	  --community-share R      Share (0 to below 1) of the generated users that are customer and partner
	                           users of Experience Cloud sites (default 0)
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
	flags: {
		port: {type: 'number', takes: 'a whole number from 0 to 65535 (0: any free port)'},
		users: {type: 'number', takes: 'a whole number of users from 1 to 1,000,000'},
		seed: {type: 'number', takes: 'a number'},
		communityShare: {type: 'number', takes: 'a share of users from 0 to below 1, e.g. 0.9'},
		usersFile: {type: 'string', takes: 'the path of a JSON file of users'},
		json: {type: 'boolean', default: false},
		sandbox: {type: 'boolean', default: false},
		apiDailyLimit: {type: 'number', takes: 'a whole number of API calls, 1 or more'},
		sessionLifetime: {type: 'number', takes: 'a whole number of seconds, 1 or more'},
		devicePollInterval: {type: 'number', takes: 'a whole number of seconds from 0 to 60'},
		rotateRefreshTokens: {type: 'boolean', default: false},
		jwtPublicKey: {type: 'string', takes: 'the path of a PEM certificate or public key'},
		latency: {type: 'number', takes: 'a whole number of milliseconds from 0 to 600000'},
		failureRate: {type: 'number', takes: 'a share of calls from 0 to 1, e.g. 0.1'},
		failNext: {type: 'number', takes: 'a whole number of calls, 0 or more'},
		resetMidPage: {type: 'number', takes: 'a whole number of query pages, 0 or more'},
		rejectSessions: {type: 'boolean', default: false},
	},
	async run({input, flags}) {
		rejectInput(input);
		const {runDemoOrg} = await import('./demo-org-command.js');
		const org = await runDemoOrg(flags, process.stdout);
		await new Promise<void>((resolve) => {
			const stop = () => {
				resolve();
			};

			process.once('SIGINT', stop);
			process.once('SIGTERM', stop);
		});
		await org.close();
		return 0;
	},
});
