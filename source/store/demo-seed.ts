import {count} from 'drizzle-orm';
import {chooseDemoSeedUsers, demoSeedCount, type SeedUser} from '../core/demo-seed-choice.js';
import {normaliseEmail} from '../core/email.js';
import {displayName} from '../core/salesforce-user.js';
import {toTerminalText} from '../core/terminal-text.js';
import type {Store} from './database.js';
import {people} from './schema.js';

/**
 * On a first run against the demo org, SalesScreen already knows a few of the org's people, under
 * their emails written in another letter case, so that mapping by email shows at once.
 * Seeds only an empty store; returns how many people it added.
 */
export function seedDemoPeople(store: Store, users: readonly SeedUser[], options: {count?: number} = {}): number {
	const wanted = options.count ?? demoSeedCount;
	const [existing] = store.db.select({n: count()}).from(people).all();
	if ((existing?.n ?? 0) > 0 || wanted <= 0) {
		return 0;
	}

	const chosen = chooseDemoSeedUsers(users, wanted);
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
