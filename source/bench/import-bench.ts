import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadImportContext} from '../store/import-context-query.js';
import {openStore, type Store} from '../store/database.js';
import {importUsers} from '../app/import-users.js';
import type {SalesforceDirectory} from '../app/ports/salesforce-directory.js';
import {storePorts} from '../run-ports.js';
import {openSettings} from '../settings/settings.js';
import {countEntries, planImport} from '../core/import-plan.js';
import type {SalesforceUser} from '../core/salesforce-user.js';

/*
 * Import at scale: 100,000 Salesforce users into a store that already holds 50,000 people, 30% of the users
 * matching a person by email. runImport (plan inside the transaction, then write) beside a baseline that
 * writes the very same rows with raw better-sqlite3 prepared statements in one transaction, planned beforehand.
 * Each side runs in a process of its own, so its peak RSS is its own.
 */

export const importBenchSizes = {users: 100_000, people: 50_000, matchShare: 0.3};

export type ImportMeasurement = {
	/** loadImportContext + planImport alone, outside any transaction. */
	planMs: number;
	/** The whole import (runImport), or the baseline's writes. */
	totalMs: number;
	usersPerSecond: number;
	/** Peak resident memory of the process, from the kernel's own account (ru_maxrss). */
	peakRssMb: number;
	created: number;
	mapped: number;
};

const matchedEvery = Math.round(1 / importBenchSizes.matchShare);

/** Deterministic users: every third or so has the email of an existing person, written in another case. */
export function benchUsers(): SalesforceUser[] {
	const users: SalesforceUser[] = [];
	for (let index = 0; index < importBenchSizes.users; index++) {
		const matches = index % matchedEvery === 0 && index / matchedEvery < importBenchSizes.people;
		const email = matches ? `Person.${index / matchedEvery}@Acme.example.com` : `user.${index}@sales.example.com`;
		users.push({
			id: `005${String(index).padStart(15, '0')}`,
			firstName: `First${index}`,
			lastName: `Last${index}`,
			email,
			username: `user.${index}@acme.example.com.demo`,
			isActive: true,
			userType: 'Standard',
			title: 'Account Executive',
			department: 'Sales',
			profileName: 'Standard User',
			roleName: null,
			federationIdentifier: null,
			systemModstamp: '2025-01-01T00:00:00.000Z',
		});
	}

	return users;
}

function seededStore(): {store: Store; home: string; dispose: () => void} {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-import-bench-'));
	const store = openStore(path.join(home, 'salesscreen.db'));
	const insert = store.sqlite.prepare("insert into people (name, email, email_normalised, origin) values (?, ?, ?, 'manual')");
	store.sqlite.transaction(() => {
		for (let index = 0; index < importBenchSizes.people; index++) {
			insert.run(`Person ${index}`, `person.${index}@acme.example.com`, `person.${index}@acme.example.com`);
		}
	})();
	return {
		store,
		home,
		dispose() {
			store.close();
			fs.rmSync(home, {recursive: true, force: true});
		},
	};
}

const milliseconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * The users are listed already; what the bench times is Import users' own work once they are. The org answers
 * what it is asked before a run (not a sandbox; the connected user may list users) without a network.
 */
export const listedOrg: SalesforceDirectory = {
	listUsers: async () => [],
	activityOwners: async () => [],
	organizationFacts: async () => ({identity: {orgId: '00D000000000001AAA', isDemo: false, instanceUrl: 'https://bench.my.salesforce.com'}, isSandbox: false}),
	connectedUserRights: async () => ({authorized: true, manageUsers: true, viewAllUsers: false, grantedBy: ['profile System Administrator']}),
};

/** Import users (the use case the app and the import command call), over the SQLite store. */
export async function measureRunImport(): Promise<ImportMeasurement> {
	const {store, home, dispose} = seededStore();
	try {
		const users = benchUsers();
		const planStart = process.hrtime.bigint();
		planImport(users, loadImportContext(store));
		const planMs = milliseconds(planStart);

		const identity = {login: 'bench', ownsDataFolder: true, fromEnvironment: false};
		const ports = {...storePorts(store, openSettings(home), identity, String), salesforce: listedOrg};
		const start = process.hrtime.bigint();
		const result = await importUsers(ports).run(users);
		const totalMs = milliseconds(start);
		const counts = countEntries(result.entries);
		return {planMs, totalMs, usersPerSecond: (users.length / totalMs) * 1000, peakRssMb: peakRssMb(), created: counts.create, mapped: counts.map};
	} finally {
		dispose();
	}
}

/** The baseline: the same rows (people, links, outcomes, the run) through raw prepared statements, in one transaction. */
export function measureBaseline(): ImportMeasurement {
	const {store, dispose} = seededStore();
	try {
		const users = benchUsers();
		// Planned beforehand, untimed: the baseline is only the writing.
		const existing = new Map(
			(store.sqlite.prepare('select id, email_normalised as email from people').all() as Array<{id: number; email: string}>).map((row) => [row.email, row.id]),
		);
		const at = new Date().toISOString();
		const {sqlite} = store;
		const start = process.hrtime.bigint();
		const insertRun = sqlite.prepare("insert into import_runs (operator, mode, status, started_at, selected_count) values ('bench', 'manual', 'completed', ?, ?)");
		const insertPerson = sqlite.prepare("insert into people (name, email, email_normalised, title, origin, created_at, updated_at) values (?, ?, ?, ?, 'salesforce', ?, ?)");
		const insertLink = sqlite.prepare('insert into salesforce_links (salesforce_user_id, person_id, matched_by, linked_at, run_id, salesforce_name) values (?, ?, ?, ?, ?, ?)');
		const insertOutcome = sqlite.prepare(
			'insert into import_outcomes (run_id, salesforce_user_id, salesforce_name, email, outcome, reason, detail, person_id, manual, previous_values) values (?, ?, ?, ?, ?, null, ?, ?, 0, null)',
		);
		let created = 0;
		let mapped = 0;
		sqlite.transaction(() => {
			const runId = Number(insertRun.run(at, users.length).lastInsertRowid);
			for (const user of users) {
				const email = user.email!.toLowerCase();
				const name = `${user.firstName} ${user.lastName}`;
				const personId = existing.get(email);
				if (personId === undefined) {
					const id = Number(insertPerson.run(name, user.email, email, user.title, at, at).lastInsertRowid);
					insertLink.run(user.id, id, 'created', at, runId, name);
					insertOutcome.run(runId, user.id, name, user.email, 'created', null, id);
					created++;
				} else {
					insertLink.run(user.id, personId, 'email', at, runId, name);
					insertOutcome.run(runId, user.id, name, user.email, 'mapped', 'email matches', personId);
					mapped++;
				}
			}

			sqlite.prepare('update import_runs set finished_at = ?, created_count = ?, mapped_count = ? where id = ?').run(at, created, mapped, runId);
		}).immediate();
		const totalMs = milliseconds(start);
		return {planMs: 0, totalMs, usersPerSecond: (users.length / totalMs) * 1000, peakRssMb: peakRssMb(), created, mapped};
	} finally {
		dispose();
	}
}
