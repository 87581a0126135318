import type {StorePorts} from './app/ports/store-ports.js';
import type {ChosenStore} from './chosen-store.js';
import {sayingLostConnection} from './store/postgres-connection-lost.js';
import {openPostgresStore, type PostgresStore} from './store/postgres-database.js';
import {postgresDirectoryStore} from './store/postgres-directory-store.js';
import {postgresHistoryStore} from './store/postgres-history-store.js';
import {postgresRunStore} from './store/postgres-run-store.js';
import {seedDemoPeopleOnPostgres} from './store/postgres-demo-seed.js';
import {markCreatedOnDemoOnPostgres, readStoreOriginOnPostgres} from './store/postgres-store-origin.js';
import {withTransaction} from './store/postgres-write-lock.js';

// Apart from chosen-store.ts, so that a run on the SQLite file never loads the PostgreSQL driver.

/** The store ports over one PostgreSQL store: where TypeScript checks that the adapter fits the application's ports. */
export function postgresStorePorts(store: PostgresStore): StorePorts {
	// A lost connection (the server stopped or restarted) is said in words naming the store, by every port.
	return {
		runs: sayingLostConnection(postgresRunStore(store), store.name),
		directory: sayingLostConnection(postgresDirectoryStore(store), store.name),
		history: sayingLostConnection(postgresHistoryStore(store), store.name),
	};
}

/** The PostgreSQL database at the URL as the session uses it (see chosen-store.ts). */
export async function openChosenPostgres(url: string, env: NodeJS.ProcessEnv, migrate: boolean | undefined): Promise<ChosenStore> {
	const store = await openPostgresStore(url, {env, migrate});
	return {
		ports: postgresStorePorts(store),
		name: store.name,
		engine: 'postgres',
		origin: async () => readStoreOriginOnPostgres(store.pool),
		// Not under the write lock, which a long import may hold: two instances seeding at once meet at the
		// unique email (on conflict do nothing), and marking the store is the same upsert for both.
		startOnDemo: async (seedUsers, demo) =>
			withTransaction(store.pool, async (client) => {
				const seeded = await seedDemoPeopleOnPostgres(client, seedUsers);
				await markCreatedOnDemoOnPostgres(client, demo);
				return seeded;
			}),
		close: async () => store.close(),
	};
}
