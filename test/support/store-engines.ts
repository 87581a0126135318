import {afterEach, describe} from 'vitest';
import type {StorePorts} from '../../source/app/ports/store-ports.js';
import {sqliteStorePorts} from '../../source/run-ports.js';
import {openTempStore} from './temp-store.js';

/** An empty, migrated store of one engine, opened through the application's ports. */
export type OpenedStore = {
	ports: StorePorts;
	/** A folder of its own (for the settings file beside it). */
	home: string;
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

/**
 * The engines the engine-neutral tests run on: SQLite always, and PostgreSQL when SALESSCREEN_TEST_POSTGRES_URL
 * names a server (its factory goes here, beside SQLite's, with the same shape).
 */
export const storeEngines: StoreEngine[] = [sqliteEngine];

/**
 * One `describe` per engine, each test given a fresh store of it (closed after the test): the same test file
 * states the behaviour once and checks it on every engine.
 */
export function describeOnEveryEngine(name: string, body: (openStore: () => Promise<OpenedStore>) => void): void {
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
