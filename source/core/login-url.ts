import {insecureUrlReason} from './secure-url.js';

/** Where an admin signs in: Salesforce's two shared login hosts, or the org's own My Domain address. */
export const loginUrls = {
	production: 'https://login.salesforce.com',
	sandbox: 'https://test.salesforce.com',
} as const;

export type LoginUrlChoice = keyof typeof loginUrls;

export class LoginUrlError extends Error {
	override name = 'LoginUrlError';
}

/**
 * Accepts "production", "sandbox" or a URL, and returns the origin to send OAuth requests to. Tokens travel
 * over it, so anything but HTTPS is refused, except on this machine's loopback where the demo org listens.
 */
export function resolveLoginUrl(input: string): string {
	const trimmed = input.trim();
	if (trimmed === 'production' || trimmed === 'sandbox') {
		return loginUrls[trimmed];
	}

	let url: URL;
	try {
		url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
	} catch {
		throw new LoginUrlError(`"${trimmed}" is not a login URL: give production, sandbox, or your My Domain address (https://acme.my.salesforce.com).`);
	}

	if (url.hostname.endsWith('.lightning.force.com')) {
		throw new LoginUrlError(`${url.origin} is a Lightning address; use the org's My Domain login address instead (https://<domain>.my.salesforce.com).`);
	}

	const insecure = insecureUrlReason(url);
	if (insecure !== undefined) {
		throw new LoginUrlError(insecure);
	}

	return url.origin;
}

/** Whether a login URL is a sandbox's: test.salesforce.com, or a My Domain in a sandbox (…--<name>.sandbox.my.salesforce.com). */
export function isSandboxLoginUrl(loginUrl: string): boolean {
	const host = new URL(loginUrl).hostname;
	return host === 'test.salesforce.com' || host.endsWith('.sandbox.my.salesforce.com');
}

/**
 * The Salesforce CLI's connected app, present in every org and enabled for the device flow, so an admin
 * can connect without creating a connected app first; their own consumer key can be given instead.
 */
export const defaultDeviceClientId = 'PlatformCLI';
