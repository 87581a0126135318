import type pg from 'pg';
import {formatCount} from '../core/number-format.js';
import type {CreatedPersonFacts} from '../core/undo-keep.js';
import {insertOutcomes} from './postgres-plan-writer.js';
import type {KeptPerson, UndoableRunRow, UndoResult} from './undo-run.js';

type LinkRow = {salesforceUserId: string; personId: number; matchedBy: string; salesforceName: string | null};
type OutcomeRow = {salesforceUserId: string; salesforceName: string; email: string | null; outcome: string; personId: number | null; previousValues: string | null};
type PersonRow = {id: number; name: string; role: string; teamId: number | null; osLogin: string | null; updatedAt: string; active: boolean};
type UndoOutcome = {salesforceUserId: string; salesforceName: string; email: string | null; outcome: string; detail: string; personId: number};

// Tables whose rows point at people but belong to the import itself, and so go with it.
const ownTables = new Set(['salesforce_links', 'manual_choices']);

/** The newest manual or automatic run, completed or undone, that `matches` (see undo-run.ts). */
export async function newestRunWhereOnPostgres(client: pg.ClientBase, matches: (run: UndoableRunRow) => boolean): Promise<UndoableRunRow | undefined> {
	const result = await client.query<UndoableRunRow>(
		`select r.id, r.mode, r.status, r.finished_at as "finishedAt", r.created_count as created, r.mapped_count as mapped,
		   r.deactivated_count as deactivated, r.reactivated_count as reactivated,
		   (select u.id from import_runs u where u.undoes_run_id = r.id limit 1) as "undoneBy"
		 from import_runs r where r.mode in ('manual', 'auto') and r.status in ('completed', 'undone') order by r.id desc`,
	);
	return result.rows.find((row) => matches(row));
}

/** Of these people, those another table (other than the import's own) refers to, with that table's name. */
async function referencedPeople(client: pg.ClientBase, personIds: readonly number[]): Promise<Map<number, string>> {
	// Every foreign key to people, read from the catalogue, so that tables added later count too.
	const references = await client.query<{table: string; column: string}>(
		`select c.conrelid::regclass::text as table, a.attname as column from pg_constraint c
		 join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
		 where c.contype = 'f' and c.confrelid = 'people'::regclass`,
	);
	const found = new Map<number, string>();
	for (const reference of references.rows) {
		const table = reference.table.replace(/^.*\./, '').replaceAll('"', '');
		if (ownTables.has(table)) {
			continue;
		}

		// eslint-disable-next-line no-await-in-loop
		const rows = await client.query<{id: number}>(`select distinct "${reference.column}" as id from ${reference.table} where "${reference.column}" = any($1::int[])`, [personIds]);
		for (const row of rows.rows) {
			if (!found.has(row.id)) {
				found.set(row.id, table);
			}
		}
	}

	return found;
}

/** Reverses the run inside the caller's transaction, as undo-run.ts does on SQLite, a statement per kind of row. */
export async function undoRunOnPostgres(
	client: pg.ClientBase,
	target: {runId: number; finishedAt: string | null},
	operator: string,
	at: string,
	keepReason: (person: CreatedPersonFacts, runFinishedAt: string) => string | undefined,
): Promise<UndoResult> {
	const lastId = target.runId;
	const finishedAt = target.finishedAt ?? at;
	const links = (
		await client.query<LinkRow>(
			'select salesforce_user_id as "salesforceUserId", person_id as "personId", matched_by as "matchedBy", salesforce_name as "salesforceName" from salesforce_links where run_id = $1',
			[lastId],
		)
	).rows;
	const outcomes = (
		await client.query<OutcomeRow>(
			`select salesforce_user_id as "salesforceUserId", salesforce_name as "salesforceName", email, outcome, person_id as "personId", previous_values as "previousValues"
			 from import_outcomes where run_id = $1 and outcome in ('created', 'mapped', 'deactivated', 'reactivated') order by id`,
			[lastId],
		)
	).rows;
	const outcomeBySalesforceId = new Map(outcomes.filter((row) => row.outcome === 'created' || row.outcome === 'mapped').map((row) => [row.salesforceUserId, row]));
	const personIds = [...new Set([...links.map((link) => link.personId), ...outcomes.flatMap((row) => (row.personId === null ? [] : [row.personId]))])];
	const people = new Map(
		(
			await client.query<PersonRow>(
				'select id, name, role, team_id as "teamId", os_login as "osLogin", updated_at as "updatedAt", active from people where id = any($1::int[])',
				[personIds],
			)
		).rows.map((row) => [row.id, row]),
	);
	const linkedElsewhere = new Set(
		(await client.query<{personId: number}>('select person_id as "personId" from salesforce_links where person_id = any($1::int[]) and (run_id is null or run_id != $2)', [personIds, lastId])).rows.map(
			(row) => row.personId,
		),
	);
	const createdIds = links.filter((link) => link.matchedBy === 'created').map((link) => link.personId);
	const references = await referencedPeople(client, createdIds);

	const runId = (
		await client.query<{id: number}>(
			"insert into import_runs (operator, mode, status, started_at, selected_count, undoes_run_id, note) values ($1, 'undo', 'completed', $2, $3, $4, $5) returning id",
			[operator, at, links.length, lastId, `undoes run #${lastId}`],
		)
	).rows[0]!.id;

	const undoOutcomes: UndoOutcome[] = [];
	const removeIds: number[] = [];
	const restores: Array<{id: number; name: string; title: string | null}> = [];
	const keptPeople: KeptPerson[] = [];
	for (const link of links) {
		const recorded = outcomeBySalesforceId.get(link.salesforceUserId);
		const person = people.get(link.personId);
		const name = recorded?.salesforceName ?? link.salesforceName ?? link.salesforceUserId;
		const email = recorded?.email ?? null;
		if (person === undefined) {
			continue;
		}

		if (link.matchedBy === 'created') {
			const facts: CreatedPersonFacts = {
				role: person.role === 'admin' ? 'admin' : 'member',
				osLogin: person.osLogin,
				teamId: person.teamId,
				updatedAt: person.updatedAt,
				linkedByLaterRun: linkedElsewhere.has(person.id),
				referencedBy: references.get(person.id),
			};
			const reason = keepReason(facts, finishedAt);
			if (reason === undefined) {
				removeIds.push(person.id);
				undoOutcomes.push({salesforceUserId: link.salesforceUserId, salesforceName: name, email, outcome: 'removed', detail: `${person.name} removed, with the link`, personId: person.id});
			} else {
				keptPeople.push({personId: person.id, name: person.name, reason});
				undoOutcomes.push({salesforceUserId: link.salesforceUserId, salesforceName: name, email, outcome: 'kept', detail: `${person.name} kept (${reason}); the link is removed`, personId: person.id});
			}

			continue;
		}

		let detail = `link to ${person.name} removed; the person stays`;
		if (recorded?.previousValues) {
			if (person.updatedAt > finishedAt) {
				detail += '; the fields the import filled were edited since and stay as they are';
			} else {
				const previous = JSON.parse(recorded.previousValues) as {name: string; title: string | null};
				restores.push({id: person.id, name: previous.name, title: previous.title});
				detail += '; the fields the import filled are put back';
			}
		}

		undoOutcomes.push({salesforceUserId: link.salesforceUserId, salesforceName: name, email, outcome: 'unlinked', detail, personId: person.id});
	}

	const removedLinks = (await client.query('delete from salesforce_links where salesforce_user_id = any($1::text[])', [links.map((link) => link.salesforceUserId)])).rowCount ?? 0;
	const removedPeople = (await client.query('delete from people where id = any($1::int[])', [removeIds])).rowCount ?? 0;
	await client.query(
		'update people p set name = u.name, title = u.title, updated_at = $1 from unnest($2::int[], $3::text[], $4::text[]) as u(id, name, title) where p.id = u.id',
		[at, restores.map((row) => row.id), restores.map((row) => row.name), restores.map((row) => row.title)],
	);

	const removedSet = new Set(removeIds);
	const statusChanges: Array<{id: number; active: boolean}> = [];
	let deactivated = 0;
	let reactivated = 0;
	for (const change of outcomes) {
		if ((change.outcome !== 'deactivated' && change.outcome !== 'reactivated') || change.personId === null) {
			continue;
		}

		const person = people.get(change.personId);
		// Changed since by someone else (or removed just now): their word stands.
		if (person === undefined || person.updatedAt > finishedAt || removedSet.has(person.id)) {
			continue;
		}

		if (change.outcome === 'deactivated' && !person.active) {
			statusChanges.push({id: person.id, active: true});
			reactivated++;
			undoOutcomes.push({...change, personId: person.id, outcome: 'reactivated', detail: `${person.name} active again (the undone run made them inactive)`});
		} else if (change.outcome === 'reactivated' && person.active) {
			statusChanges.push({id: person.id, active: false});
			deactivated++;
			undoOutcomes.push({...change, personId: person.id, outcome: 'deactivated', detail: `${person.name} inactive again (the undone run reactivated them)`});
		}
	}

	await client.query(
		'update people p set active = u.active, deactivated_by_sync = not u.active, updated_at = $1 from unnest($2::int[], $3::boolean[]) as u(id, active) where p.id = u.id',
		[at, statusChanges.map((row) => row.id), statusChanges.map((row) => row.active)],
	);
	await insertOutcomes(
		client,
		runId,
		undoOutcomes.map((row) => ({...row, reason: null, manual: false, previousValues: null})),
	);
	await client.query('update import_runs set finished_at = $1, deactivated_count = $2, reactivated_count = $3, note = $4 where id = $5', [
		at,
		deactivated,
		reactivated,
		`undoes run #${lastId}: ${formatCount(removedPeople)} people removed, ${formatCount(removedLinks)} links removed${keptPeople.length > 0 ? `, ${formatCount(keptPeople.length)} people kept` : ''}`,
		runId,
	]);
	await client.query("update import_runs set status = 'undone', note = $1 where id = $2", [`undone by run #${runId}`, lastId]);
	return {undoneRunId: lastId, recordRunId: runId, removedPeople, removedLinks, keptPeople};
}
