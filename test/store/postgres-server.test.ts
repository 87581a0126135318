import {expect, it} from 'vitest';
import pg from 'pg';
import {describeOnPostgres, freshPostgresDatabase} from '../support/postgres-database.js';

describeOnPostgres('the test server', () => {
	it('gives each test file an empty database of its own', async () => {
		const url = await freshPostgresDatabase();
		const client = new pg.Client({connectionString: url});
		await client.connect();
		try {
			const {rows} = await client.query<{tables: string}>(
				"select count(*) as tables from information_schema.tables where table_schema = 'public'",
			);
			expect(Number(rows[0]?.tables)).toBe(0);
			const {rows: version} = await client.query<{server_version_num: string}>('show server_version_num');
			expect(Number(version[0]?.server_version_num)).toBeGreaterThanOrEqual(150_000);
		} finally {
			await client.end();
		}
	});
});
