import {describe, expect, it} from 'vitest';
import {assessAdminRights, unknownAdminRights, type PermissionGrant} from '../../source/core/admin-rights.js';

const grant = (overrides: Partial<PermissionGrant>): PermissionGrant => ({name: 'Standard User', fromProfile: true, manageUsers: false, viewAllUsers: false, ...overrides});

describe('assessAdminRights', () => {
	it('authorizes a System Administrator profile, naming the profile', () => {
		expect(assessAdminRights('admin@acme.com', [grant({name: 'System Administrator', manageUsers: true, viewAllUsers: true})])).toEqual({
			authorized: true,
			manageUsers: true,
			viewAllUsers: true,
			grantedBy: ['profile System Administrator'],
		});
	});

	it('authorizes View All Users alone, and Manage Users alone', () => {
		expect(assessAdminRights('a@acme.com', [grant({viewAllUsers: true})])).toMatchObject({authorized: true, manageUsers: false, viewAllUsers: true});
		expect(assessAdminRights('a@acme.com', [grant({manageUsers: true})])).toMatchObject({authorized: true, manageUsers: true, viewAllUsers: false});
	});

	it('names a permission set that grants the rights on top of a profile without them, and only the granting ones', () => {
		const rights = assessAdminRights('helpdesk@acme.com', [
			grant({name: 'Standard User'}),
			grant({name: 'Sales Ops', fromProfile: false}),
			grant({name: 'User Management', fromProfile: false, manageUsers: true, viewAllUsers: true}),
		]);
		expect(rights).toEqual({authorized: true, manageUsers: true, viewAllUsers: true, grantedBy: ['permission set User Management']});
		expect(rights).not.toHaveProperty('reason');
	});

	it('lists every grant that gives either right, in the order given', () => {
		const rights = assessAdminRights('a@acme.com', [
			grant({name: 'Custom Admin', viewAllUsers: true}),
			grant({name: 'User Management', fromProfile: false, manageUsers: true}),
		]);
		expect(rights.grantedBy).toEqual(['profile Custom Admin', 'permission set User Management']);
		expect(rights).toMatchObject({manageUsers: true, viewAllUsers: true});
	});

	it('refuses a user with neither right, saying who and what to do', () => {
		const rights = assessAdminRights('rep@acme.com', [grant({}), grant({name: 'Sales Ops', fromProfile: false})]);
		expect(rights).toMatchObject({authorized: false, manageUsers: false, viewAllUsers: false, grantedBy: []});
		expect(rights.reason).toContain('rep@acme.com');
		expect(rights.reason).toMatch(/"Manage Users".*"View All Users"/);
	});

	it('refuses a user with no grants at all', () => {
		expect(assessAdminRights('nobody@acme.com', [])).toMatchObject({authorized: false, grantedBy: [], reason: expect.stringContaining('nobody@acme.com')});
	});
});

describe('unknownAdminRights', () => {
	it('is not authorized and carries the detail of why the rights could not be read', () => {
		const rights = unknownAdminRights('INSUFFICIENT_ACCESS on PermissionSetAssignment');
		expect(rights).toMatchObject({authorized: false, manageUsers: false, viewAllUsers: false, grantedBy: []});
		expect(rights.reason).toContain('INSUFFICIENT_ACCESS on PermissionSetAssignment');
	});
});
