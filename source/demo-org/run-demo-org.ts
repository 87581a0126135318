import {demoOrgDefaults, startDemoOrg, type DemoOrg} from './demo-org.js';

export type RunDemoOrgFlags = {port?: number; users?: number; seed?: number; usersFile?: string; json?: boolean};

/**
 * `salesscreen demo-org`: starts the demo org and says where it listens, once it does. With `json`, exactly
 * one line `{"instanceUrl": …, "accessToken": …}` so that scripts and benchmarks can read it.
 */
export async function runDemoOrg(flags: RunDemoOrgFlags, out: NodeJS.WritableStream): Promise<DemoOrg> {
	const org = await startDemoOrg({port: flags.port, users: flags.users, seed: flags.seed, usersFile: flags.usersFile});
	if (flags.json) {
		out.write(`${JSON.stringify({instanceUrl: org.instanceUrl, accessToken: org.accessToken})}\n`);
		return org;
	}

	const source =
		flags.usersFile === undefined
			? `${org.users.length.toLocaleString('en-US')} generated users, seed ${flags.seed ?? demoOrgDefaults.seed}`
			: `${org.users.length.toLocaleString('en-US')} users from ${flags.usersFile}`;
	out.write(
		[
			`Demo org "${org.orgName}" (${org.orgId}) is listening at ${org.instanceUrl}`,
			`  ${source}`,
			'',
			`  Access token   ${org.accessToken}`,
			`  Refresh token  ${org.refreshToken}`,
			`  Client id      ${org.clientId}`,
			'',
			'Connect the app to it:',
			`  salesscreen --instance-url ${org.instanceUrl} --access-token '${org.accessToken}'`,
			'',
			'Stop it with Ctrl+C.',
			'',
		].join('\n'),
	);
	return org;
}
