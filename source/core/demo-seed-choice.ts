import {isPlausibleEmail, normaliseEmail} from './email.js';
import {isListedByDefault, type SalesforceUser} from './salesforce-user.js';

/** What seeding reads of a user: demo-org records have it without the fields only Salesforce's API adds. */
export type SeedUser = Pick<SalesforceUser, 'firstName' | 'lastName' | 'email' | 'isActive' | 'userType'>;

/** How many of the demo org's people SalesScreen knows on a first run. */
export const demoSeedCount = 8;

/**
 * The demo org's users that SalesScreen already knows on a first run: listed ones whose email is theirs
 * alone, spread over the whole list so they show on several pages. Choosing again among the chosen gives
 * the same users, so the demo org (in a process of its own) can send only these to the app.
 */
export function chooseDemoSeedUsers<T extends SeedUser>(users: readonly T[], wanted: number): T[] {
	if (wanted <= 0) {
		return [];
	}

	const seen = new Map<string, number>();
	for (const user of users) {
		const email = normaliseEmail(user.email);
		if (email !== null) {
			seen.set(email, (seen.get(email) ?? 0) + 1);
		}
	}

	const candidates = users.filter((user) => {
		const email = normaliseEmail(user.email);
		return isListedByDefault(user) && email !== null && isPlausibleEmail(email) && seen.get(email) === 1;
	});
	const step = Math.max(1, Math.floor(candidates.length / wanted));
	return candidates.filter((_user, index) => index % step === 0).slice(0, wanted);
}
