import {afterEach} from 'vitest';
import path from 'node:path';
import {openStore, type Store} from '../../source/store/database.js';
import {makeTempHome} from './temp-home.js';

/** A migrated SalesScreen store in a real SQLite file of its own. */
export function openTempStore(): {store: Store; file: string; home: string; dispose: () => void} {
	const temp = makeTempHome();
	const file = path.join(temp.home, 'salesscreen.db');
	const store = openStore(file);
	return {
		store,
		file,
		home: temp.home,
		dispose() {
			store.close();
			temp.remove();
		},
	};
}

export function rowCount(store: Store, table: string): number {
	return (store.sqlite.prepare(`select count(*) as n from ${table}`).get() as {n: number}).n;
}

/** Gives each call a fresh store, all of them closed and removed after each test of the file that calls this. */
export function tempStoresPerTest(): () => Store {
	const opened: Array<() => void> = [];
	afterEach(() => {
		for (const dispose of opened.splice(0)) {
			dispose();
		}
	});
	return () => {
		const {store, dispose} = openTempStore();
		opened.push(dispose);
		return store;
	};
}
