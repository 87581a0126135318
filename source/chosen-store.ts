import type {AppHome} from './app-home.js';
import type {StorePorts} from './app/ports/store-ports.js';
import type {SeedUser} from './core/demo-seed-choice.js';
import {sqliteStorePorts} from './run-ports.js';
import {selectStore} from './store-selection.js';
import {openStore, type Store} from './store/database.js';
import {seedDemoPeople} from './store/demo-seed.js';
import {describeStoreLocation} from './store/store-location.js';
import {markCreatedOnDemo, readStoreOrigin, type StoreOrigin} from './store/store-origin.js';

/**
 * The store this run uses (SQLite file or PostgreSQL database, see store-selection.ts), opened and
 * migrated: the application's store ports over it, and the few things the session itself asks of it.
 */
export type ChosenStore = {
	ports: StorePorts;
	/** Which store, in words (host and database, never the password): for the header, status and messages. */
	name: string;
	engine: 'sqlite' | 'postgres';
	/** The SQLite store itself, for what has no port yet; undefined on PostgreSQL. */
	sqlite?: Store;
	origin: () => Promise<StoreOrigin>;
	/** On a first run against the demo org: seeds a few known people and marks an empty store as the demo's; how many were seeded. */
	startOnDemo: (seedUsers: readonly SeedUser[], demo: {users?: number; seed?: number}) => Promise<number>;
	close: () => Promise<void>;
};

/** Opens it; `migrate: false` reads a PostgreSQL database as it is (status must not change what it reports on). */
export async function openChosenStore(home: AppHome, env: NodeJS.ProcessEnv = process.env, options: {migrate?: boolean} = {}): Promise<ChosenStore> {
	const location = selectStore(home, env);
	const name = describeStoreLocation(location);
	if (location.engine === 'sqlite') {
		const store = openStore(location.file);
		return {
			ports: sqliteStorePorts(store),
			name,
			engine: 'sqlite',
			sqlite: store,
			origin: async () => readStoreOrigin(store),
			async startOnDemo(seedUsers, demo) {
				const seeded = seedDemoPeople(store, seedUsers);
				markCreatedOnDemo(store, demo);
				return seeded;
			},
			async close() {
				store.close();
			},
		};
	}

	const {openChosenPostgres} = await import('./postgres-store.js');
	return openChosenPostgres(location.url, env, options.migrate);
}

/** Runs `use` over the chosen store, closing it after, whatever happens. */
export async function withChosenStore<T>(home: AppHome, use: (store: ChosenStore) => Promise<T>, options: {migrate?: boolean} = {}): Promise<T> {
	const store = await openChosenStore(home, process.env, options);
	try {
		return await use(store);
	} finally {
		await store.close();
	}
}
