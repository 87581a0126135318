import {describe, expect, it} from 'vitest';
import {checkTeamName, normaliseTeamName} from '../../source/core/team-name.js';
import {previewTeamPlacement, teamNameFor} from '../../source/core/team-placement.js';
import {salesforceUser} from '../support/salesforce-users.js';

describe('team names', () => {
	it('compare without case and with blanks collapsed', () => {
		expect(normaliseTeamName('  Sales   EMEA ')).toBe('sales emea');
		expect(checkTeamName(' Sales \t EMEA ')).toEqual({ok: true, name: 'Sales EMEA', normalised: 'sales emea'});
		expect(checkTeamName('   ')).toMatchObject({ok: false});
		expect(checkTeamName('x'.repeat(61))).toMatchObject({ok: false});
	});
});

describe('the team-from-Salesforce rule', () => {
	const rep = salesforceUser({department: 'Sales', roleName: 'EMEA Rep'});
	const noRole = salesforceUser({department: null, roleName: null});

	it('names no team when off, the role or the department otherwise', () => {
		expect(teamNameFor(rep, 'off')).toBeNull();
		expect(teamNameFor(rep, 'role')).toBe('EMEA Rep');
		expect(teamNameFor(rep, 'department')).toBe('Sales');
		expect(teamNameFor(noRole, 'role')).toBeNull();
		expect(teamNameFor(noRole, 'department')).toBeNull();
	});

	it('previews which teams get how many and which are new', () => {
		const other = salesforceUser({department: 'sales', roleName: 'Manager'});
		const preview = previewTeamPlacement([rep, other, noRole], 'department', new Set(['sales']));
		expect(preview).toEqual({teams: [{name: 'Sales', people: 2, isNew: false}], unplaced: 1});
		expect(previewTeamPlacement([rep, other], 'role', new Set()).teams).toEqual([
			{name: 'EMEA Rep', people: 1, isNew: true},
			{name: 'Manager', people: 1, isNew: true},
		]);
	});
});
