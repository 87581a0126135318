/** This machine's own addresses, where the demo org listens and nothing travels over a network. */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Tokens travel to every org and login address the app talks to, so each must be HTTPS, except on this
 * machine's loopback where the demo org listens. The one rule, for every way an address gets in: a flag,
 * the connect dialog, a saved connection, or an answer from Salesforce that moves the org elsewhere.
 * Returns why the address is refused, or undefined when it may be used.
 */
export function insecureUrlReason(url: URL): string | undefined {
	if (url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
		return undefined;
	}

	return `${url.origin === 'null' ? url.protocol : url.origin} is not HTTPS; Salesforce signs in over HTTPS only (plain HTTP is accepted for a demo org on this machine).`;
}
