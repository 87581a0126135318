import {describe, expect, it} from 'vitest';
import {manualMappings} from '../../source/app/manual-mappings.js';
import {directoryPorts} from '../../source/run-ports.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {tempStoresPerTest} from '../support/temp-store.js';

const tempStore = tempStoresPerTest();

// The choices themselves are the manual-mapping use case's (test/app/mappings-and-placement.test.ts); this is the schema's part.
describe('the manual choices table', () => {
	it('a deleted person takes their mapping with them', async () => {
		const store = tempStore();
		const person = Number(store.sqlite.prepare("insert into people (name, email, email_normalised, origin) values ('Gone', 'gone@acme.com', 'gone@acme.com', 'manual')").run().lastInsertRowid);
		await manualMappings(directoryPorts(store, {login: 'alice', ownsDataFolder: false, fromEnvironment: false})).mapTo(salesforceUser().id, person);
		const choices = () => (store.sqlite.prepare('select count(*) as n from manual_choices').get() as {n: number}).n;
		expect(choices()).toBe(1);
		store.sqlite.prepare('delete from people where id = ?').run(person);
		expect(choices()).toBe(0);
	});
});
