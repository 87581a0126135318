import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openStore} from '../../source/store/database.js';
import {manualMappings} from '../../source/app/manual-mappings.js';
import {directoryAs} from '../support/app-ports.js';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

type Outcome = {
	salesforceUserId: string;
	name: string;
	email: string | null;
	outcome: string;
	reason: string | null;
	detail: string | null;
	matchedBy: string | null;
	manual: boolean;
	personId: number | null;
	person: {id: number; name: string; email: string} | null;
	conflictWith: {salesforceUserId: string; name: string | null} | null;
};

describe('a manual mapping to a person whose own Salesforce user is imported too', () => {
	it('is reported as by hand in import --json and history --json, and the email match is skipped naming both', async () => {
		const {home, env} = tempHome();
		const dryRun = JSON.parse((await runCli(['import', '--demo-users', '300', '--all', '--dry-run', '--json'], env)).stdout) as {outcomes: Outcome[]};
		// The demo org seeds people whose emails match some of its users: take one such pair, and a user who would be created.
		const ownUser = dryRun.outcomes.find((outcome) => outcome.outcome === 'mapped' && outcome.matchedBy === 'email')!;
		const chosenUser = dryRun.outcomes.find((outcome) => outcome.outcome === 'created')!;
		const store = openStore(path.join(home, 'salesscreen.db'));
		const person = store.sqlite.prepare('select id, name, email from people where id = ?').get(ownUser.personId) as {id: number; name: string; email: string};
		await manualMappings(directoryAs(store)).mapTo(chosenUser.salesforceUserId, person.id);
		store.close();

		const result = await runCli(['import', '--demo-users', '300', '--id', chosenUser.salesforceUserId, '--id', ownUser.salesforceUserId, '--json'], env);
		expect(result.code).toBe(0);
		const outcomes = (JSON.parse(result.stdout) as {counts: {mapBy: Record<string, number>}; outcomes: Outcome[]});
		const byId = new Map(outcomes.outcomes.map((outcome) => [outcome.salesforceUserId, outcome]));
		expect(byId.get(chosenUser.salesforceUserId)).toMatchObject({
			outcome: 'mapped',
			matchedBy: 'manual',
			manual: true,
			person: {id: person.id, name: person.name, email: person.email},
			detail: `mapped by hand to ${person.name} <${person.email}>`,
		});
		expect(byId.get(ownUser.salesforceUserId)).toMatchObject({
			outcome: 'skipped',
			reason: 'person-chosen-for-other-user',
			person: {id: person.id},
			conflictWith: {salesforceUserId: chosenUser.salesforceUserId, name: chosenUser.name},
		});
		expect(byId.get(ownUser.salesforceUserId)?.detail).toContain(`who is chosen by hand for ${chosenUser.name} (${chosenUser.salesforceUserId})`);
		expect(outcomes.counts.mapBy).toEqual({email: 0, 'federation-id': 0, manual: 1});

		const [run] = JSON.parse((await runCli(['history', '--json'], env)).stdout) as Array<{outcomes: Array<Omit<Outcome, 'matchedBy' | 'person'> & {outcome: string}>}>;
		const recorded = new Map(run!.outcomes.map((outcome) => [outcome.salesforceUserId, outcome]));
		expect(recorded.get(chosenUser.salesforceUserId)).toMatchObject({outcome: 'mapped', manual: true, personId: person.id, detail: `mapped by hand to ${person.name} <${person.email}>`});
		expect(recorded.get(ownUser.salesforceUserId)).toMatchObject({outcome: 'skipped', manual: false, reason: 'person-chosen-for-other-user'});
		expect((await runCli(['history'], env)).stdout).toMatch(/created 0, mapped 1 \(1 by hand\), already imported 0, skipped 1/);
	});
});
