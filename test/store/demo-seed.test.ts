import {afterEach, describe, expect, it} from 'vitest';
import {seedDemoPeople} from '../../source/store/demo-seed.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {openTempStore} from '../support/temp-store.js';

const disposers: Array<() => void> = [];
afterEach(() => {
	for (const dispose of disposers.splice(0)) {
		dispose();
	}
});

const users = Array.from({length: 40}, (_value, index) =>
	salesforceUser({email: `person.${index}@acme.example.com`, isActive: index % 7 !== 0}),
);

function seeded(count?: number) {
	const {store, dispose} = openTempStore();
	disposers.push(dispose);
	const added = seedDemoPeople(store, users, {count});
	const rows = store.sqlite.prepare('select email, email_normalised as normalised, origin from people order by id').all() as Array<{
		email: string;
		normalised: string;
		origin: string;
	}>;
	return {store, added, rows};
}

describe('seedDemoPeople', () => {
	it('adds people whose emails match active users in another letter case', () => {
		const {added, rows} = seeded(5);
		expect(added).toBe(5);
		for (const row of rows) {
			expect(row.origin).toBe('demo-seed');
			expect(row.email).not.toBe(row.normalised);
			expect(row.email.toLowerCase()).toBe(row.normalised);
			const user = users.find((candidate) => candidate.email === row.normalised);
			expect(user?.isActive).toBe(true);
		}
	});

	it('picks the same people every time', () => {
		expect(seeded(5).rows).toEqual(seeded(5).rows);
	});

	it('leaves a store that already has people alone', () => {
		const {store} = seeded(3);
		expect(seedDemoPeople(store, users)).toBe(0);
		expect((store.sqlite.prepare('select count(*) as n from people').get() as {n: number}).n).toBe(3);
	});
});
