import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {importUsers} from '../app/import-users.js';
import {countEntries} from '../core/import-plan.js';
import {postgresStorePorts} from '../postgres-store.js';
import {portsOver} from '../run-ports.js';
import {openSettings} from '../settings/settings.js';
import {openPostgresStore, type PostgresStore} from '../store/postgres-database.js';
import {benchUsers, importBenchSizes, listedOrg, type ImportMeasurement} from './import-bench.js';

/*
 * The import bench on PostgreSQL, when a server is given: the same 100,000 users into a database of 50,000
 * people, through Import users over the PostgreSQL store, beside a baseline that writes the very same rows
 * with one multi-row insert per table (unnest of arrays) in one transaction. Each side gets a database of its
 * own on that server, dropped afterwards.
 */

/** The server the PostgreSQL import bench uses; without one the bench prints no PostgreSQL line. */
export function benchPostgresServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
	return env.SALESSCREEN_BENCH_POSTGRES_URL || env.SALESSCREEN_TEST_POSTGRES_URL || undefined;
}

async function onServer(url: string, statement: string): Promise<void> {
	const client = new pg.Client({connectionString: url});
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

const milliseconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function seededDatabase(server: string): Promise<{store: PostgresStore; dispose: () => Promise<void>}> {
	const name = `salesscreen_bench_${process.pid}_${Date.now().toString(36)}`;
	await onServer(server, `create database "${name}"`);
	const url = new URL(server);
	url.pathname = `/${name}`;
	const store = await openPostgresStore(url.href);
	await store.pool.query(
		`insert into people (name, email, email_normalised, origin)
		 select 'Person ' || i, 'person.' || i || '@acme.example.com', 'person.' || i || '@acme.example.com', 'manual'
		 from generate_series(0, $1::int - 1) as i`,
		[importBenchSizes.people],
	);
	await store.pool.query('analyze');
	return {
		store,
		async dispose() {
			await store.close();
			await onServer(server, `drop database if exists "${name}" with (force)`);
		},
	};
}

/** Import users (the use case the app and the import command call), over the PostgreSQL store. */
export async function measureRunImportOnPostgres(server: string): Promise<ImportMeasurement> {
	const {store, dispose} = await seededDatabase(server);
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-import-bench-'));
	try {
		const users = benchUsers();
		const identity = {login: 'bench', ownsDataFolder: true, fromEnvironment: false};
		const ports = {...portsOver(postgresStorePorts(store), openSettings(home), identity, String), salesforce: listedOrg};
		const start = process.hrtime.bigint();
		const result = await importUsers(ports).run(users);
		const totalMs = milliseconds(start);
		const counts = countEntries(result.entries);
		return {planMs: Number.NaN, totalMs, usersPerSecond: (users.length / totalMs) * 1000, peakRssMb: peakRssMb(), created: counts.create, mapped: counts.map};
	} finally {
		fs.rmSync(home, {recursive: true, force: true});
		await dispose();
	}
}

/** The baseline: the same rows (the run, people, links, outcomes) by one multi-row insert each, in one transaction. */
export async function measureBaselineOnPostgres(server: string): Promise<ImportMeasurement> {
	const {store, dispose} = await seededDatabase(server);
	const client = await store.pool.connect();
	try {
		const users = benchUsers();
		// Planned beforehand, untimed: the baseline is only the writing.
		const existing = new Map((await client.query<{id: number; email: string}>('select id, email_normalised as email from people')).rows.map((row) => [row.email, row.id]));
		const at = new Date().toISOString();
		const fresh = users.filter((user) => !existing.has(user.email!.toLowerCase()));
		const start = process.hrtime.bigint();
		await client.query('begin');
		const run = await client.query<{id: number}>(
			"insert into import_runs (operator, mode, status, started_at, selected_count) values ('bench', 'manual', 'completed', $1, $2) returning id",
			[at, users.length],
		);
		const runId = run.rows[0]!.id;
		const created = await client.query<{id: number; key: string}>(
			`insert into people (name, email, email_normalised, title, origin, created_at, updated_at)
			 select u.name, u.email, u.key, u.title, 'salesforce', $1, $1 from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(name, email, key, title)
			 returning id, email_normalised as key`,
			[at, fresh.map((user) => `${user.firstName} ${user.lastName}`), fresh.map((user) => user.email), fresh.map((user) => user.email!.toLowerCase()), fresh.map((user) => user.title)],
		);
		const ids = new Map(existing);
		for (const row of created.rows) {
			ids.set(row.key, row.id);
		}

		const personIds = users.map((user) => ids.get(user.email!.toLowerCase())!);
		const names = users.map((user) => `${user.firstName} ${user.lastName}`);
		const isNew = users.map((user) => !existing.has(user.email!.toLowerCase()));
		await client.query(
			`insert into salesforce_links (salesforce_user_id, person_id, matched_by, linked_at, run_id, salesforce_name)
			 select u.sf, u.person, case when u.fresh then 'created' else 'email' end, $1, $2, u.name from unnest($3::text[], $4::int[], $5::boolean[], $6::text[]) as u(sf, person, fresh, name)`,
			[at, runId, users.map((user) => user.id), personIds, isNew, names],
		);
		await client.query(
			`insert into import_outcomes (run_id, salesforce_user_id, salesforce_name, email, outcome, reason, detail, person_id, manual, previous_values)
			 select $1, u.sf, u.name, u.email, case when u.fresh then 'created' else 'mapped' end, null, case when u.fresh then null else 'email matches' end, u.person, false, null
			 from unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[]) as u(sf, name, email, person, fresh)`,
			[runId, users.map((user) => user.id), names, users.map((user) => user.email), personIds, isNew],
		);
		await client.query('update import_runs set finished_at = $1, created_count = $2, mapped_count = $3 where id = $4', [at, fresh.length, users.length - fresh.length, runId]);
		await client.query('commit');
		const totalMs = milliseconds(start);
		return {planMs: Number.NaN, totalMs, usersPerSecond: (users.length / totalMs) * 1000, peakRssMb: peakRssMb(), created: fresh.length, mapped: users.length - fresh.length};
	} finally {
		client.release();
		await dispose();
	}
}
