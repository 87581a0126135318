import {describe, expect, it} from 'vitest';
import {generateDemoOrg, minimumUsersForSpecials} from '../../source/demo-org/generate-users.js';
import {normaliseSalesforceId} from '../../source/demo-org/salesforce-id.js';

const orgId = '00DDm000001Ab2CEA0';

function generate(count: number, seed: number) {
	return generateDemoOrg({count, seed, orgId});
}

describe('generateDemoOrg', () => {
	it('gives the same org for the same seed and count', () => {
		expect(generate(300, 42)).toEqual(generate(300, 42));
	});

	it('gives a different org for another seed', () => {
		const first = generate(300, 42);
		const second = generate(300, 43);
		expect(second.users.map((user) => user.email)).not.toEqual(first.users.map((user) => user.email));
		expect(second.users.map((user) => user.id)).not.toEqual(first.users.map((user) => user.id));
	});

	it('generates exactly the number asked for', () => {
		for (const count of [1, 2, minimumUsersForSpecials - 1, minimumUsersForSpecials, 300, 1234]) {
			expect(generate(count, 5).users).toHaveLength(count);
		}
	});

	it('connects as an active System Administrator, the first user', () => {
		for (const count of [1, 300]) {
			expect(generate(count, 9).users[0]).toMatchObject({isActive: true, userType: 'Standard', profileName: 'System Administrator'});
		}
	});

	it('hands out valid, unique 18-character User ids and unique usernames', () => {
		const {users} = generate(3000, 11);
		for (const user of users) {
			expect(user.id).toMatch(/^005[A-Za-z\d]{15}$/);
			expect(normaliseSalesforceId(user.id)).toBe(user.id);
		}

		expect(new Set(users.map((user) => user.id)).size).toBe(users.length);
		expect(new Set(users.map((user) => user.username.toLowerCase())).size).toBe(users.length);
	});

	it('has the variety of a real org', () => {
		const {users} = generate(3000, 2024);
		const inactive = users.filter((user) => !user.isActive).length / users.length;
		expect(inactive).toBeGreaterThan(0.05);
		expect(inactive).toBeLessThan(0.11);

		const types = new Set(users.map((user) => user.userType));
		for (const type of ['Standard', 'CsnOnly', 'AutomatedProcess', 'Guest', 'PowerPartner', 'CspLitePortal']) {
			expect(types).toContain(type);
		}

		const automated = users.find((user) => user.userType === 'AutomatedProcess')!;
		expect(automated).toMatchObject({firstName: null, lastName: 'Automated Process'});

		const profiles = new Set(users.map((user) => user.profileName));
		for (const profile of ['System Administrator', 'Standard User', 'Custom: Sales Profile', 'Chatter Free User', 'Read Only']) {
			expect(profiles).toContain(profile);
		}

		expect(new Set(users.map((user) => user.department)).size).toBeGreaterThan(5);
		expect(new Set(users.map((user) => user.title)).size).toBeGreaterThan(20);

		const byEmail = new Map<string, number>();
		for (const user of users) {
			const email = user.email!.toLowerCase();
			byEmail.set(email, (byEmail.get(email) ?? 0) + 1);
		}

		const sharing = users.filter((user) => byEmail.get(user.email!.toLowerCase())! > 1).length / users.length;
		expect(sharing).toBeGreaterThan(0.01);
		expect(sharing).toBeLessThan(0.05);

		expect(users.some((user) => user.email !== user.email!.toLowerCase() && /^[A-Z]/.test(user.email!))).toBe(true);
		expect(users.some((user) => user.email === user.email!.toLowerCase())).toBe(true);
	});

	it('includes names a terminal must not print raw', () => {
		const {users} = generate(300, 2024);
		const control = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E]/;
		const odd = users.filter((user) => control.test(`${user.firstName ?? ''}${user.lastName}${user.title ?? ''}`));
		expect(odd.length).toBeGreaterThanOrEqual(3);
		expect(odd.some((user) => user.firstName?.includes('\u001B[31m'))).toBe(true);
	});

	it('generates 100,000 users', () => {
		const {users} = generate(100_000, 1);
		expect(users).toHaveLength(100_000);
		expect(new Set(users.map((user) => user.id)).size).toBe(100_000);
	});
});
