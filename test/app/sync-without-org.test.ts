import {expect, it} from 'vitest';
import {history} from '../../source/app/history.js';
import {syncWithoutOrg} from '../../source/app/sync-users.js';
import {NotAdminError} from '../../source/core/admin-policy.js';
import {grantAdmin} from '../../source/app/admins.js';
import {UserFacingError} from '../../source/core/user-facing-error.js';
import {describeOnEveryEngine} from '../support/store-engines.js';
import {useCasePorts} from '../support/use-case-ports.js';

const noOrg = new UserFacingError('No Salesforce org is connected; run `salesscreen connect`.');
const notUsed = {undoLastRun: async () => ({undoneRunId: 0, removedPeople: 0, removedLinks: 0, keptPeople: []}), releaseHeldSync: async () => ({message: ''})};

// A scheduled sync whose org could not be opened: what cron is told and what the audit trail keeps.
describeOnEveryEngine('a sync with no org to read', (openStore) => {
	it('says nothing was due while Automatically sync users is off, and records nothing', async () => {
		const ports = useCasePorts(await openStore(), {operator: 'cron', cron: true, settings: {autoSync: false}});
		expect(await syncWithoutOrg(ports, {dryRun: false, confirmHeld: false}, noOrg)).toMatchObject({status: 'off', runId: null});
		expect(await history(ports, notUsed).listRuns()).toEqual([]);
	});

	it('records a failed automatic run in the failure’s words and passes the failure on', async () => {
		const ports = useCasePorts(await openStore(), {operator: 'cron', cron: true, settings: {autoSync: true}});
		await expect(syncWithoutOrg(ports, {dryRun: false, confirmHeld: false}, noOrg)).rejects.toBe(noOrg);
		expect(await history(ports, notUsed).listRuns()).toMatchObject([{mode: 'auto', status: 'failed', operator: 'cron', selected: 0, error: noOrg.message}]);
		// The Settings tab's line about the last automatic sync reads the same run.
		expect(await history(ports, notUsed).lastAutomaticSync()).toMatchObject({status: 'failed', created: 0, mapped: 0, skipped: 0, error: noOrg.message, startedAt: expect.any(String)});
	});

	it('records nothing for a dry run', async () => {
		const ports = useCasePorts(await openStore(), {settings: {autoSync: true}});
		await expect(syncWithoutOrg(ports, {dryRun: true, confirmHeld: false}, noOrg)).rejects.toBe(noOrg);
		expect(await history(ports, notUsed).listRuns()).toEqual([]);
	});

	it('refuses an operator who may not sync before saying anything else', async () => {
		const opened = await openStore();
		await grantAdmin(useCasePorts(opened), {login: 'alice', name: 'Alice', email: 'alice@acme.com'});
		const ports = useCasePorts(opened, {operator: 'bob', settings: {autoSync: true}});
		await expect(syncWithoutOrg(ports, {dryRun: false, confirmHeld: false}, noOrg)).rejects.toThrow(NotAdminError);
		expect(await history(ports, notUsed).listRuns()).toEqual([]);
	});
});
