import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import Database from 'better-sqlite3';
import {drizzle} from 'drizzle-orm/better-sqlite3';
import {migrate} from 'drizzle-orm/better-sqlite3/migrator';
import {afterEach, describe, expect, it} from 'vitest';
import {openStore} from '../../source/store/database.js';
import {loadImportContext} from '../../source/store/import-context-query.js';
import {makeTempHome} from '../support/temp-home.js';

const disposers: Array<() => void> = [];
afterEach(() => {
	for (const dispose of disposers.splice(0)) {
		dispose();
	}
});

const drizzleFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** A store as the first release left it: only migration 0000 applied. */
function firstReleaseStore(home: string): string {
	const folder = path.join(home, 'migrations-0000');
	fs.mkdirSync(path.join(folder, 'meta'), {recursive: true});
	fs.copyFileSync(path.join(drizzleFolder, '0000_init.sql'), path.join(folder, '0000_init.sql'));
	const journal = JSON.parse(fs.readFileSync(path.join(drizzleFolder, 'meta', '_journal.json'), 'utf8')) as {entries: Array<{tag: string}>};
	fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({...journal, entries: journal.entries.filter((entry) => entry.tag === '0000_init')}));
	const file = path.join(home, 'salesscreen.db');
	const sqlite = new Database(file);
	migrate(drizzle(sqlite), {migrationsFolder: folder});
	sqlite.exec(`
		insert into people (name, email, email_normalised, origin) values ('Ann', 'ann@acme.com', 'ann@acme.com', 'salesforce');
		insert into import_runs (operator, mode, status, started_at, selected_count) values ('alice', 'manual', 'completed', '2025-01-01T00:00:00.000Z', 1);
		insert into salesforce_links (salesforce_user_id, person_id, matched_by, linked_at, run_id) values ('005000000000000001', 1, 'created', '2025-01-01T00:00:00.000Z', 1);
		insert into import_outcomes (run_id, salesforce_user_id, salesforce_name, email, outcome, person_id) values (1, '005000000000000001', 'Ann Salesforce', 'ann@acme.com', 'created', 1);
	`);
	sqlite.close();
	return file;
}

describe('migration 0001 on a store the first release wrote', () => {
	it('keeps every row, adds the new columns with their defaults, and names existing links from their outcomes', () => {
		const temp = makeTempHome();
		disposers.push(temp.remove);
		const store = openStore(firstReleaseStore(temp.home));
		disposers.unshift(() => store.close());
		expect(store.sqlite.prepare('select active, deactivated_by_sync as bySync, federation_id as federationId from people').get()).toEqual({active: 1, bySync: 0, federationId: null});
		expect(store.sqlite.prepare('select manual from import_outcomes').get()).toEqual({manual: 0});
		expect(loadImportContext(store).salesforceNameBySalesforceId.get('005000000000000001')).toBe('Ann Salesforce');
		expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
	});
});
