import {afterEach, describe} from 'vitest';
import type {StorePorts} from '../../source/app/ports/store-ports.js';
import pg from 'pg';
import {postgresStorePorts} from '../../source/postgres-store.js';
import {sqliteStorePorts} from '../../source/run-ports.js';
import {openPostgresStore} from '../../source/store/postgres-database.js';
import {testPostgresUrl} from './postgres-database.js';
import {makeTempHome} from './temp-home.js';
import {openTempStore} from './temp-store.js';

/** An empty, migrated store of one engine, opened through the application's ports. */
export type OpenedStore = {
	ports: StorePorts;
	/** A folder of its own (for the settings file beside it). */
	home: string;
	/** The PostgreSQL database's URL, for a test that starts the CLI on it (undefined on SQLite). */
	url?: string;
	close: () => Promise<void>;
};

/** How a test gets such a store from an engine. */
export type StoreEngine = {name: string; open: () => Promise<OpenedStore>};

export const sqliteEngine: StoreEngine = {
	name: 'SQLite',
	async open() {
		const temp = openTempStore();
		return {
			ports: sqliteStorePorts(temp.store),
			home: temp.home,
			async close() {
				temp.dispose();
			},
		};
	},
};

let databases = 0;

async function onServer(url: string, statement: string): Promise<void> {
	const client = new pg.Client({connectionString: url});
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

/** A database of its own on the test server for each test, migrated as the app does, and dropped after it. */
export function postgresEngine(serverUrl: string): StoreEngine {
	return {
		name: 'PostgreSQL',
		async open() {
			const name = `salesscreen_test_${process.pid}_${Date.now().toString(36)}_${databases++}`;
			await onServer(serverUrl, `create database "${name}"`);
			const url = new URL(serverUrl);
			url.pathname = `/${name}`;
			const home = makeTempHome();
			const store = await openPostgresStore(url.href);
			return {
				ports: postgresStorePorts(store),
				home: home.home,
				url: url.href,
				async close() {
					await store.close();
					await onServer(serverUrl, `drop database if exists "${name}" with (force)`);
					home.remove();
				},
			};
		},
	};
}

/**
 * The engines the engine-neutral tests run on: SQLite always, and PostgreSQL when SALESSCREEN_TEST_POSTGRES_URL
 * names a server (`.ci/with-postgres` starts one). Without it the PostgreSQL runs are skipped, and said so.
 */
export const storeEngines: StoreEngine[] = testPostgresUrl ? [sqliteEngine, postgresEngine(testPostgresUrl)] : [sqliteEngine];

let said = false;

/** Says once, in the test log, which engines the engine-neutral tests run on, so a CI log shows PostgreSQL ran. */
function sayEngines(): void {
	if (said) {
		return;
	}

	said = true;
	if (testPostgresUrl) {
		console.info(`Engine-neutral tests run on ${storeEngines.map((engine) => engine.name).join(' and ')} (SALESSCREEN_TEST_POSTGRES_URL is set)`);
	} else {
		console.warn('Engine-neutral tests ran on SQLite only; PostgreSQL skipped: SALESSCREEN_TEST_POSTGRES_URL is not set (run `.ci/with-postgres npx vitest run …`, see README)');
	}
}

/**
 * One `describe` per engine, each test given a fresh store of it (closed after the test): the same test file
 * states the behaviour once and checks it on every engine.
 */
export function describeOnEveryEngine(name: string, body: (openStore: () => Promise<OpenedStore>) => void): void {
	sayEngines();
	for (const engine of storeEngines) {
		describe(`${name} (${engine.name})`, () => {
			const opened: OpenedStore[] = [];
			afterEach(async () => {
				for (const store of opened.splice(0)) {
					// eslint-disable-next-line no-await-in-loop
					await store.close();
				}
			});
			body(async () => {
				const store = await engine.open();
				opened.push(store);
				return store;
			});
		});
	}
}
