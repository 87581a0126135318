import {and, eq, inArray, isNull} from 'drizzle-orm';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {DirectoryError} from '../core/directory-error.js';
import {checkTeamName, normaliseTeamName} from '../core/team-name.js';
import {teamsToFill, type TeamPlacement, type TeamRule} from '../core/team-placement.js';
import type {Store} from './database.js';
import {importOutcomes, people, teams} from './schema.js';

/**
 * Puts the people a run created or mapped on the team the rule names for their Salesforce user, creating
 * missing teams. Someone already on a team keeps it: an admin put them there.
 */
export function applyTeamPlacement(store: Store, runId: number, users: readonly SalesforceUser[], rule: TeamRule): TeamPlacement {
	if (rule === 'off') {
		return {placed: 0, newTeams: []};
	}

	return store.sqlite
		.transaction((): TeamPlacement => {
			const outcomes = store.db
				.select({salesforceUserId: importOutcomes.salesforceUserId, personId: importOutcomes.personId})
				.from(importOutcomes)
				.where(and(eq(importOutcomes.runId, runId), inArray(importOutcomes.outcome, ['created', 'mapped'])))
				.all();
			const personBySalesforceId = new Map(outcomes.flatMap((outcome) => (outcome.personId === null ? [] : [[outcome.salesforceUserId, outcome.personId] as const])));
			// Only teams that will receive someone are created: a person already on a team creates none.
			let placed = 0;
			const newTeams: string[] = [];
			for (const {key, ...team} of teamsToFill(users, personBySalesforceId, rule)) {
				const teamless = store.db
					.select({id: people.id})
					.from(people)
					.where(and(inArray(people.id, team.personIds), isNull(people.teamId)))
					.all()
					.map((person) => person.id);
				if (teamless.length === 0) {
					continue;
				}

				const {ids, created} = findOrCreateTeams(store, [team.name]);
				newTeams.push(...created);
				placed += store.db
					.update(people)
					.set({teamId: ids.get(key)!, updatedAt: new Date().toISOString()})
					.where(inArray(people.id, teamless))
					.run().changes;
			}

			return {placed, newTeams};
		})
		.immediate();
}

/**
 * Puts the people a run created or mapped who are on no team (after the team-from-Salesforce rule) on the
 * team of that name, creating it when there is none. Someone already on a team keeps it.
 */
export function applyDefaultTeam(store: Store, runId: number, teamName: string): TeamPlacement {
	return store.sqlite
		.transaction((): TeamPlacement => {
			const personIds = store.db
				.select({personId: importOutcomes.personId})
				.from(importOutcomes)
				.where(and(eq(importOutcomes.runId, runId), inArray(importOutcomes.outcome, ['created', 'mapped'])));
			const teamless = store.db
				.select({id: people.id})
				.from(people)
				.where(and(inArray(people.id, personIds), isNull(people.teamId)))
				.all()
				.map((person) => person.id);
			if (teamless.length === 0) {
				return {placed: 0, newTeams: []};
			}

			const {ids, created} = findOrCreateTeams(store, [teamName]);
			const placed = store.db
				.update(people)
				.set({teamId: ids.get(normaliseTeamName(teamName))!, updatedAt: new Date().toISOString()})
				.where(inArray(people.id, teamless))
				.run().changes;
			return {placed, newTeams: created};
		})
		.immediate();
}

/** The id of each named team, creating those that do not exist yet; call inside a transaction. */
function findOrCreateTeams(store: Store, names: readonly string[]): {ids: Map<string, number>; created: string[]} {
	const ids = new Map<string, number>();
	const created: string[] = [];
	for (const raw of names) {
		const checked = checkTeamName(raw);
		if (!checked.ok) {
			throw new DirectoryError(checked.reason);
		}

		const {name, normalised} = checked;
		if (ids.has(normalised)) {
			continue;
		}

		const existing = store.db.select({id: teams.id}).from(teams).where(eq(teams.nameNormalised, normalised)).get();
		if (existing) {
			ids.set(normalised, existing.id);
		} else {
			const [row] = store.db.insert(teams).values({name, nameNormalised: normalised}).returning({id: teams.id}).all();
			ids.set(normalised, row!.id);
			created.push(name);
		}
	}

	return {ids, created};
}
