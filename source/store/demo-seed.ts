import {count} from 'drizzle-orm';
import {isPlausibleEmail, normaliseEmail} from '../core/email.js';
import {displayName, isListedByDefault, type SalesforceUser} from '../core/salesforce-user.js';
import {toTerminalText} from '../core/terminal-text.js';
import type {Store} from './database.js';
import {people} from './schema.js';

/**
 * On a first run against the demo org, SalesScreen already knows a few of the org's people, under
 * their emails written in another letter case, so that mapping by email shows at once.
 * Seeds only an empty store; returns how many people it added.
 */
/** What seeding reads of a user: demo-org records have it without the fields only Salesforce's API adds. */
type SeedUser = Pick<SalesforceUser, 'firstName' | 'lastName' | 'email' | 'isActive' | 'userType'>;

export function seedDemoPeople(store: Store, users: readonly SeedUser[], options: {count?: number} = {}): number {
	const wanted = options.count ?? 8;
	const [existing] = store.db.select({n: count()}).from(people).all();
	if ((existing?.n ?? 0) > 0 || wanted <= 0) {
		return 0;
	}

	const seen = new Map<string, number>();
	for (const user of users) {
		const email = normaliseEmail(user.email);
		if (email !== null) {
			seen.set(email, (seen.get(email) ?? 0) + 1);
		}
	}

	// Users whose email is theirs alone, spread over the whole list so they show on several pages.
	const candidates = users.filter((user) => {
		const email = normaliseEmail(user.email);
		return isListedByDefault(user) && email !== null && isPlausibleEmail(email) && seen.get(email) === 1;
	});
	const step = Math.max(1, Math.floor(candidates.length / wanted));
	const chosen = candidates.filter((_user, index) => index % step === 0).slice(0, wanted);
	if (chosen.length === 0) {
		return 0;
	}

	store.db
		.insert(people)
		.values(
			chosen.map((user, index) => {
				const email = normaliseEmail(user.email)!;
				return {
					name: toTerminalText(displayName(user)),
					email: index % 2 === 0 ? email.toUpperCase() : email.replace(/^./, (first) => first.toUpperCase()),
					emailNormalised: email,
					title: 'Existing SalesScreen user (demo)',
					origin: 'demo-seed' as const,
				};
			}),
		)
		.run();
	return chosen.length;
}
