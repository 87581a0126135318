import {describe, expect, it} from 'vitest';
import {checkTeamName, normaliseTeamName} from '../../source/core/team-name.js';
import {previewTeamPlacement, teamNameFor, teamsToFill} from '../../source/core/team-placement.js';
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

describe('which teams a run fills', () => {
	it('groups the imported people by the team the rule names, compared without case, and leaves out the rest', () => {
		const users = [
			salesforceUser({id: '005A', roleName: 'Sales East'}),
			salesforceUser({id: '005B', roleName: 'sales east'}),
			salesforceUser({id: '005C', roleName: null}),
			salesforceUser({id: '005D', roleName: 'Support'}),
			salesforceUser({id: '005E', roleName: 'Support'}),
		];
		// 005E was not imported by the run (skipped): it goes on no team.
		const people = new Map([['005A', 1], ['005B', 2], ['005C', 3], ['005D', 4]]);
		expect(teamsToFill(users, people, 'role').map(({name, personIds}) => [name, personIds])).toEqual([
			['Sales East', [1, 2]],
			['Support', [4]],
		]);
		expect(teamsToFill(users, people, 'off')).toEqual([]);
	});
});
