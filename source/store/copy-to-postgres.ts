import {getTableConfig, type PgTable} from 'drizzle-orm/pg-core';
import {getTableConfig as sqliteTableConfig, type SQLiteTable} from 'drizzle-orm/sqlite-core';
import type {Store} from './database.js';
import {StoreOpenError} from './database.js';
import * as pgSchema from './postgres-schema.js';
import type {PostgresStore} from './postgres-database.js';
import * as sqliteSchema from './schema.js';

/** Every table, parents before children, so each foreign key finds its row (runs refer only to earlier runs). */
const tables = ['teams', 'people', 'importRuns', 'salesforceLinks', 'importOutcomes', 'manualChoices', 'syncState', 'storeOrigin'] as const;
type TableKey = (typeof tables)[number];

// One key for every salesscreen: two copies into one database cannot both find it empty.
const copyLockKey = 0x5a1e_c0b1;
const parameterLimit = 65_535;

export type CopyCounts = Record<TableKey, number>;

/**
 * Copies the whole SQLite store into an empty PostgreSQL store in one transaction: either every row is
 * there, or (a refusal, a failure, a killed process) none. A database with any row in any table is refused.
 */
export async function copyToPostgres(source: Store, target: PostgresStore): Promise<CopyCounts> {
	const client = await target.pool.connect();
	try {
		await client.query('begin');
		await client.query('select pg_advisory_xact_lock($1)', [copyLockKey]);
		const present: string[] = [];
		for (const key of tables) {
			const {name} = getTableConfig(pgSchema[key] as PgTable);
			// eslint-disable-next-line no-await-in-loop
			const {rows} = await client.query<{n: string}>(`select count(*) as n from "${name}"`);
			if (Number(rows[0]!.n) > 0) {
				present.push(`${rows[0]!.n} in ${name}`);
			}
		}

		if (present.length > 0) {
			throw new StoreOpenError(
				`The ${target.name} is not empty (${present.join(', ')}); db copy fills only an empty database, so nothing was copied. Copy into a new database (createdb), or point salesscreen at this one as it is.`,
				'other',
			);
		}

		const counts = {} as CopyCounts;
		for (const key of tables) {
			const rows = source.db.select().from(sqliteSchema[key] as SQLiteTable).all() as Array<Record<string, unknown>>;
			counts[key] = rows.length;
			const config = getTableConfig(pgSchema[key] as PgTable);
			// Column property names are the same in both schemas; their SQL names too (a test holds them level).
			const columns = config.columns.map((column) => column.name);
			const keys = sqliteTableConfig(sqliteSchema[key] as SQLiteTable).columns.map((column) => column.name);
			if (columns.join() !== keys.join()) {
				throw new Error(`The SQLite and PostgreSQL tables ${config.name} differ`);
			}

			const propertyOf = Object.fromEntries(Object.entries(sqliteSchema[key] as unknown as Record<string, {name?: string}>).filter(([, column]) => typeof column?.name === 'string').map(([property, column]) => [column.name!, property]));
			const perStatement = Math.max(1, Math.floor(parameterLimit / columns.length));
			for (let start = 0; start < rows.length; start += perStatement) {
				const chunk = rows.slice(start, start + perStatement);
				const values: unknown[] = [];
				const tuples = chunk.map((row) => `(${columns.map((column) => `$${values.push(row[propertyOf[column]!] ?? null)}`).join(', ')})`);
				// eslint-disable-next-line no-await-in-loop
				await client.query(`insert into "${config.name}" (${columns.map((column) => `"${column}"`).join(', ')}) values ${tuples.join(', ')}`, values);
			}

			const serial = config.columns.find((column) => column.name === 'id' && column.columnType === 'PgSerial');
			if (serial !== undefined) {
				// The next row made on PostgreSQL continues after the copied ids.
				// eslint-disable-next-line no-await-in-loop
				await client.query(`select setval(pg_get_serial_sequence('"${config.name}"', 'id'), coalesce((select max(id) from "${config.name}"), 0) + 1, false)`);
			}
		}

		await client.query('commit');
		return counts;
	} catch (error: unknown) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}
