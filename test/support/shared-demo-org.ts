import {afterAll} from 'vitest';
import {startDemoOrgProcess, type DemoOrgProcess} from '../../source/demo-org-process.js';
import type {StartDemoOrg} from '../../source/session.js';

/**
 * Starts the demo org for openSession the way the app does (a process of its own), but once per size and
 * seed for the whole test file: every session of the file that asks for that size and seed gets the same
 * running org, and its close leaves it running; the org stops after the file's last test. Starting the
 * org's process from the TypeScript sources takes seconds, and screen tests open a session per test (some
 * two). Sharing it changes nothing a test sees: the same seed and size give the same users, and nothing
 * the app sends the org over HTTP changes its users (only queries, logins and query jobs).
 */
export function sharedDemoOrgs(): StartDemoOrg {
	const started = new Map<string, Promise<DemoOrgProcess>>();
	afterAll(async () => {
		const orgs = await Promise.all([...started.values()].map(async (org) => org.catch(() => undefined)));
		await Promise.all(orgs.map(async (org) => org?.close()));
	});
	return async (options) => {
		const key = JSON.stringify([options.users ?? null, options.seed ?? null]);
		let org = started.get(key);
		if (org === undefined) {
			org = startDemoOrgProcess(options);
			started.set(key, org);
			// A start that failed is tried again by the next session, so each test reports its own failure.
			org.catch(() => started.delete(key));
		}

		return {...(await org), close: async () => undefined};
	};
}
