import type {DirectoryStore} from './directory-store.js';
import type {HistoryStore} from './history-store.js';
import type {RunStore} from './run-store.js';

/**
 * The store as the application uses it: one engine (SQLite, PostgreSQL) gives all three over one database.
 * A write of one is seen by the reads of the others once it commits.
 */
export type StorePorts = {runs: RunStore; directory: DirectoryStore; history: HistoryStore};
