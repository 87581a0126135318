import {defineCommand} from './command-definition.js';

export const connectDefinition = defineCommand({
	name: 'connect',
	synopsis: 'connect --help',
	summary: 'Connect your Salesforce org (device login, JWT, token)',
	help: `
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
	flags: {
		loginUrl: {type: 'string', takes: 'production, sandbox, or your My Domain URL'},
		clientId: {type: 'string', takes: "the connected app's consumer key"},
		username: {type: 'string', takes: 'a Salesforce username'},
		keyFile: {type: 'string', takes: 'the path of a PEM private key'},
		instanceUrl: {type: 'string', takes: "the org's URL, e.g. https://acme.my.salesforce.com"},
		accessToken: {type: 'string', takes: 'a session id or OAuth access token'},
		qr: {type: 'boolean', default: true},
	},
	async run({input, flags}) {
		const {connectCommand} = await import('./connect-command.js');
		// Ctrl+C during a device login stops the polling rather than the process, so the command ends in its own words.
		const controller = new AbortController();
		const cancel = () => {
			controller.abort();
		};

		process.once('SIGINT', cancel);
		try {
			return await connectCommand(input, flags, process.stdout, controller.signal);
		} finally {
			process.off('SIGINT', cancel);
		}
	},
});
