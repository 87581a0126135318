import type pg from 'pg';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {checkTeamName} from '../core/team-name.js';
import {teamsToFill, type TeamPlacement, type TeamRule} from '../core/team-placement.js';
import {DirectoryError} from '../core/directory-error.js';

/** The people a run created or mapped, by their Salesforce user's id. */
async function runPeople(client: pg.ClientBase, runId: number): Promise<Map<string, number>> {
	const result = await client.query<{salesforceUserId: string; personId: number | null}>(
		"select salesforce_user_id as \"salesforceUserId\", person_id as \"personId\" from import_outcomes where run_id = $1 and outcome in ('created', 'mapped')",
		[runId],
	);
	return new Map(result.rows.flatMap((row) => (row.personId === null ? [] : [[row.salesforceUserId, row.personId] as const])));
}

/** The team's id, created when there is none of that name (compared without case); inside a transaction. */
async function findOrCreateTeam(client: pg.ClientBase, raw: string): Promise<{id: number; created: boolean; name: string}> {
	const checked = checkTeamName(raw);
	if (!checked.ok) {
		throw new DirectoryError(checked.reason);
	}

	const inserted = await client.query<{id: number}>('insert into teams (name, name_normalised) values ($1, $2) on conflict (name_normalised) do nothing returning id', [
		checked.name,
		checked.normalised,
	]);
	if (inserted.rows[0] !== undefined) {
		return {id: inserted.rows[0].id, created: true, name: checked.name};
	}

	const existing = await client.query<{id: number}>('select id from teams where name_normalised = $1', [checked.normalised]);
	return {id: existing.rows[0]!.id, created: false, name: checked.name};
}

/** Puts those of the people who are on no team on the named team; how many, and whether the team is new. */
async function placeTeamless(client: pg.ClientBase, personIds: readonly number[], teamName: string): Promise<{placed: number; created?: string}> {
	const teamless = (await client.query<{id: number}>('select id from people where id = any($1::int[]) and team_id is null', [personIds])).rows.map((row) => row.id);
	// Only teams that will receive someone are created: a person already on a team creates none.
	if (teamless.length === 0) {
		return {placed: 0};
	}

	const team = await findOrCreateTeam(client, teamName);
	const updated = await client.query('update people set team_id = $1, updated_at = $2 where id = any($3::int[])', [team.id, new Date().toISOString(), teamless]);
	return {placed: updated.rowCount ?? 0, ...(team.created ? {created: team.name} : {})};
}

/** As applyTeamPlacement (team-placement-query.ts): someone already on a team keeps it. Inside a transaction. */
export async function applyTeamPlacementOnPostgres(client: pg.ClientBase, runId: number, users: readonly SalesforceUser[], rule: TeamRule): Promise<TeamPlacement> {
	if (rule === 'off') {
		return {placed: 0, newTeams: []};
	}

	const personBySalesforceId = await runPeople(client, runId);
	let placed = 0;
	const newTeams: string[] = [];
	for (const team of teamsToFill(users, personBySalesforceId, rule)) {
		// eslint-disable-next-line no-await-in-loop
		const result = await placeTeamless(client, team.personIds, team.name);
		placed += result.placed;
		if (result.created !== undefined) {
			newTeams.push(result.created);
		}
	}

	return {placed, newTeams};
}

/** As applyDefaultTeam (team-placement-query.ts). Inside a transaction. */
export async function applyDefaultTeamOnPostgres(client: pg.ClientBase, runId: number, teamName: string): Promise<TeamPlacement> {
	const result = await placeTeamless(client, [...(await runPeople(client, runId)).values()], teamName);
	return {placed: result.placed, newTeams: result.created === undefined ? [] : [result.created]};
}

/** Active people on no team: of one run's created and mapped people, or of the whole store. */
export async function countPeopleOnNoTeamOnPostgres(client: pg.ClientBase | pg.Pool, runId?: number): Promise<number> {
	const result =
		runId === undefined
			? await client.query<{n: number}>('select count(*)::int as n from people where active and team_id is null')
			: await client.query<{n: number}>(
					"select count(*)::int as n from people where active and team_id is null and id in (select person_id from import_outcomes where run_id = $1 and outcome in ('created', 'mapped'))",
					[runId],
				);
	return result.rows[0]!.n;
}
