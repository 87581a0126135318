import {chooseDemoSeedUsers, demoSeedCount} from '../core/demo-seed-choice.js';
import {startDemoOrg, type DemoOrgOptions} from './demo-org.js';

/*
 * The demo org in a process of its own, for the app and the commands that use it (demo-org-process.ts
 * starts it): its user generation, SOQL parser and records never load into, nor hold the event loop
 * of, the process that draws the screen. It lives as long as the channel to that process: when the app
 * exits, however it exits (a SIGKILL too), the channel closes and this process ends.
 */

/** What the demo org sends back once it listens. */
export type DemoOrgStarted = {
	type: 'started';
	instanceUrl: string;
	accessToken: string;
	refreshToken: string;
	clientId: string;
	/** The few users SalesScreen already knows on a first run (see chooseDemoSeedUsers). */
	seedUsers: Array<{firstName: string | null; lastName: string; email: string | null; isActive: boolean; userType: string}>;
};

export type DemoOrgChildMessage = DemoOrgStarted | {type: 'failed'; name: string; message: string};

const send = async (message: DemoOrgChildMessage) =>
	new Promise<void>((resolve) => {
		process.send!(message, () => {
			resolve();
		});
	});

const options = JSON.parse(process.argv[2] ?? '{}') as DemoOrgOptions;
process.on('disconnect', () => {
	process.exit(0);
});

try {
	const org = await startDemoOrg(options);
	process.on('message', (message) => {
		if (message === 'close') {
			void org.close().then(() => process.exit(0));
		}
	});
	await send({
		type: 'started',
		instanceUrl: org.instanceUrl,
		accessToken: org.accessToken,
		refreshToken: org.refreshToken,
		clientId: org.clientId,
		seedUsers: chooseDemoSeedUsers(org.users, demoSeedCount).map(({firstName, lastName, email, isActive, userType}) => ({firstName, lastName, email, isActive, userType})),
	});
} catch (error: unknown) {
	await send({type: 'failed', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error)});
	process.exit(1);
}
