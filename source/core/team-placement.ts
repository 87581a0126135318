import type {SalesforceUser} from './salesforce-user.js';
import {checkTeamName, normaliseTeamName} from './team-name.js';

/** Where an imported person's team comes from: nowhere (the default), their Salesforce role, or their department. */
export type TeamRule = 'off' | 'role' | 'department';

export const teamRules: readonly TeamRule[] = ['off', 'role', 'department'];

export const teamRuleWords: Record<TeamRule, string> = {
	off: 'off',
	role: 'from the Salesforce role',
	department: 'from the Salesforce department',
};

/** The team an imported person goes on under the rule, or null for none (no role or department, or nothing usable as a name). */
export function teamNameFor(user: SalesforceUser, rule: TeamRule): string | null {
	if (rule === 'off') {
		return null;
	}

	const raw = rule === 'role' ? user.roleName : user.department;
	if (raw === null || raw === undefined) {
		return null;
	}

	const checked = checkTeamName(raw);
	return checked.ok ? checked.name : null;
}

export type TeamPlacementPreview = {
	/** Each team that would receive people, most people first. */
	teams: Array<{name: string; people: number; isNew: boolean}>;
	/** Users the rule gives no team (no role or department in Salesforce). */
	unplaced: number;
};

/** What the rule would do to these users, given the teams there are (by normalised name). */
export function previewTeamPlacement(users: readonly SalesforceUser[], rule: TeamRule, existing: ReadonlySet<string>): TeamPlacementPreview {
	const byTeam = new Map<string, {name: string; people: number}>();
	let unplaced = 0;
	for (const user of users) {
		const name = teamNameFor(user, rule);
		if (name === null) {
			unplaced++;
			continue;
		}

		const key = normaliseTeamName(name);
		const team = byTeam.get(key) ?? {name, people: 0};
		team.people++;
		byTeam.set(key, team);
	}

	const teams = [...byTeam.entries()]
		.map(([key, team]) => ({...team, isNew: !existing.has(key)}))
		.sort((a, b) => b.people - a.people || a.name.localeCompare(b.name));
	return {teams, unplaced};
}

/** What the rule did after an import. */
export type TeamPlacement = {
	/** People put on a team by the rule. */
	placed: number;
	/** Teams the rule created because none had the name. */
	newTeams: string[];
};

/** The people one team is to receive, by the team's name as the rule gave it and as compared (normalised). */
export type TeamToFill = {name: string; key: string; personIds: number[]};

/**
 * Which team each person a run created or mapped goes on under the rule, grouped by team (compared without
 * case), in the order the users came. Users the run did not import, or that the rule gives no team, are
 * left out. The store then places only those of them who are on no team: someone already on a team keeps it,
 * since an admin put them there.
 */
export function teamsToFill(users: readonly SalesforceUser[], personBySalesforceId: ReadonlyMap<string, number>, rule: TeamRule): TeamToFill[] {
	const byTeam = new Map<string, TeamToFill>();
	for (const user of users) {
		const personId = personBySalesforceId.get(user.id);
		const name = personId === undefined ? null : teamNameFor(user, rule);
		if (personId === undefined || name === null) {
			continue;
		}

		const key = normaliseTeamName(name);
		const team = byTeam.get(key) ?? {name, key, personIds: []};
		team.personIds.push(personId);
		byTeam.set(key, team);
	}

	return [...byTeam.values()];
}
