import {insecureUrlReason} from '../core/secure-url.js';
import type {OrgTarget} from '../session.js';
import type {FlagSpecs} from './flag-spec.js';
import {UsageError} from './usage-error.js';

/** The flags every command that talks to an org accepts. */
export const orgFlags = {
	instanceUrl: {type: 'string', takes: "the org's URL, e.g. https://acme.my.salesforce.com"},
	accessToken: {type: 'string', takes: 'a session id or OAuth access token'},
	demoUsers: {type: 'number', takes: 'a whole number of users from 1 to 1,000,000', whole: true, minimum: 1, maximum: 1_000_000},
	demoSeed: {type: 'number', takes: 'a number (the same seed gives the same users)'},
} as const satisfies FlagSpecs;

export const orgFlagsHelp = `
	Org (the connection saved by "salesscreen connect"; the built-in demo org only when asked, or
	for a store the demo org started)
	  --instance-url URL    Use this org for this run only, e.g. https://acme.my.salesforce.com
	  --access-token T      with a session id or OAuth access token for it
	  --demo-users N        Use the demo org, with this many users (default 300)
	  --demo-seed S         Use the demo org, with users from this seed`;

type OrgFlagValues = {instanceUrl?: string; accessToken?: string; demoUsers?: number; demoSeed?: number};

export function orgTargetFrom(flags: OrgFlagValues): OrgTarget {
	if (flags.instanceUrl === undefined && flags.accessToken === undefined) {
		if (flags.demoUsers !== undefined && (!Number.isInteger(flags.demoUsers) || flags.demoUsers < 1)) {
			throw new UsageError('--demo-users takes a whole number of users, 1 or more.');
		}

		return flags.demoUsers === undefined && flags.demoSeed === undefined ? {kind: 'saved'} : {kind: 'demo', users: flags.demoUsers, seed: flags.demoSeed};
	}

	if (!flags.instanceUrl || !flags.accessToken) {
		throw new UsageError('--instance-url and --access-token go together: give both, or neither for the demo org.');
	}

	let url: URL;
	try {
		url = new URL(flags.instanceUrl);
	} catch {
		throw new UsageError(`--instance-url "${flags.instanceUrl}" is not a URL; it looks like https://acme.my.salesforce.com`);
	}

	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new UsageError(`--instance-url must be an http(s) URL, not ${url.protocol}`);
	}

	const insecure = insecureUrlReason(url);
	if (insecure !== undefined) {
		throw new UsageError(`--instance-url: ${insecure}`);
	}

	return {kind: 'token', instanceUrl: url.origin, accessToken: flags.accessToken};
}
