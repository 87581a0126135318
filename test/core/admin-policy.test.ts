import {describe, expect, it} from 'vitest';
import {assessOperator, lastAdminRefusal, refusalFor, type OperatorPerson} from '../../source/core/admin-policy.js';

const alice = {id: 1, name: 'Alice Admin', login: 'alice'};
const bobPerson: OperatorPerson = {id: 2, name: 'Bob Member', email: 'bob@acme.com', role: 'member', active: true};

describe('the admin rule', () => {
	it('lets anyone change things while the store has no admin, and says it is the bootstrap', () => {
		const rights = assessOperator('bob', undefined, []);
		expect(rights).toMatchObject({isAdmin: true, bootstrap: true});
		expect(refusalFor('import', rights)).toBeUndefined();
	});

	it('lets an active admin change things', () => {
		const rights = assessOperator('alice', {id: 1, name: 'Alice Admin', email: 'a@acme.com', role: 'admin', active: true}, [alice]);
		expect(rights).toMatchObject({isAdmin: true, bootstrap: false});
	});

	it('refuses a member, a stranger and a deactivated admin, naming who can help', () => {
		expect(refusalFor('import', assessOperator('bob', bobPerson, [alice]))).toBe(
			'Only an admin may import users. You, Bob Member (bob), are a member. Ask Alice Admin (alice) to make you one.',
		);
		expect(refusalFor('teams', assessOperator('carol', undefined, [alice]))).toMatch(/^Only an admin may change teams\. No person here has your OS login "carol"/);
		const deactivated = assessOperator('dave', {id: 4, name: 'Dave', email: 'd@acme.com', role: 'admin', active: false}, [alice]);
		expect(deactivated.isAdmin).toBe(false);
		expect(deactivated.reason).toMatch(/deactivated/);
	});

	it('keeps the last admin', () => {
		expect(lastAdminRefusal([alice], 1, false, 1)).toMatch(/^You are the last admin/);
		expect(lastAdminRefusal([alice], 1, false, 7)).toMatch(/^Alice Admin is the last admin/);
		expect(lastAdminRefusal([alice, {id: 3, name: 'C', login: 'c'}], 1, false, 1)).toBeUndefined();
		expect(lastAdminRefusal([alice], 2, false)).toBeUndefined();
	});

	it('lets the data folder’s own account sync without being an admin', () => {
		const member = assessOperator('bob', bobPerson, [alice]);
		expect(refusalFor('sync', member, true)).toBeUndefined();
		expect(refusalFor('release-held', member, true)).toMatch(/^Only an admin may release a held sync/);
		expect(refusalFor('sync', member, false)).toMatch(/^Only an admin may run a sync by hand/);
	});
});
