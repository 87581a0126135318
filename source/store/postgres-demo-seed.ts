import type pg from 'pg';
import {chooseDemoSeedUsers, demoSeedCount, type SeedUser} from '../core/demo-seed-choice.js';
import {normaliseEmail} from '../core/email.js';
import {displayName} from '../core/salesforce-user.js';
import {toTerminalText} from '../core/terminal-text.js';

/** As seedDemoPeople (demo-seed.ts): a few of the demo org's people, known already, in an empty store only. */
export async function seedDemoPeopleOnPostgres(client: pg.ClientBase, users: readonly SeedUser[], options: {count?: number} = {}): Promise<number> {
	const wanted = options.count ?? demoSeedCount;
	const existing = (await client.query<{n: number}>('select count(*)::int as n from people')).rows[0]!.n;
	if (existing > 0 || wanted <= 0) {
		return 0;
	}

	const chosen = chooseDemoSeedUsers(users, wanted);
	if (chosen.length === 0) {
		return 0;
	}

	const rows = chosen.map((user, index) => {
		const email = normaliseEmail(user.email)!;
		return {name: toTerminalText(displayName(user)), email: index % 2 === 0 ? email.toUpperCase() : email.replace(/^./, (first) => first.toUpperCase()), key: email};
	});
	// Two instances starting the demo at once: the second's rows meet the first's emails and are left out.
	const inserted = await client.query(
		`insert into people (name, email, email_normalised, title, origin)
		 select u.name, u.email, u.key, 'Existing SalesScreen user (demo)', 'demo-seed' from unnest($1::text[], $2::text[], $3::text[]) as u(name, email, key)
		 on conflict do nothing`,
		[rows.map((row) => row.name), rows.map((row) => row.email), rows.map((row) => row.key)],
	);
	return inserted.rowCount ?? 0;
}
