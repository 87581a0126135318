import {formatCount} from '../core/number-format.js';
import type {CreatedPersonFacts} from '../core/undo-keep.js';
import type {Store} from './database.js';

export type KeptPerson = {personId: number; name: string; reason: string};

export type UndoResult = {
	undoneRunId: number;
	/** The run that records the undo itself (mode `undo`). */
	recordRunId: number;
	removedPeople: number;
	removedLinks: number;
	/** People the undone run created that are kept, because something came to depend on them. */
	keptPeople: KeptPerson[];
};

export type UndoableRunRow = {
	id: number;
	mode: string;
	status: string;
	finishedAt: string | null;
	created: number;
	mapped: number;
	deactivated: number;
	reactivated: number;
	undoneBy: number | null;
};
type LinkRow = {salesforceUserId: string; personId: number; matchedBy: string; salesforceName: string | null};
type OutcomeRow = {salesforceUserId: string; salesforceName: string; email: string | null; outcome: string; personId: number | null; previousValues: string | null};
type PersonRow = {id: number; name: string; role: string; teamId: number | null; osLogin: string | null; updatedAt: string; active: number; deactivatedBySync: number};

// Tables whose rows point at people but belong to the import itself, and so go with it.
const ownTables = new Set(['salesforce_links', 'manual_choices']);

/**
 * The newest manual or automatic run, completed or undone, that `matches`, read one at a time (the one
 * asked for is usually the first or second).
 */
export function newestRunWhere(store: Store, matches: (run: UndoableRunRow) => boolean): UndoableRunRow | undefined {
	const rows = store.sqlite
		.prepare(
			`select r.id, r.mode, r.status, r.finished_at as finishedAt, r.created_count as created, r.mapped_count as mapped,
			   r.deactivated_count as deactivated, r.reactivated_count as reactivated,
			   (select u.id from import_runs u where u.undoes_run_id = r.id) as undoneBy
			 from import_runs r where r.mode in ('manual', 'auto') and r.status in ('completed', 'undone') order by r.id desc`,
		)
		.iterate() as IterableIterator<UndoableRunRow>;
	for (const row of rows) {
		if (matches(row)) {
			// Leaving the loop closes the statement, so the connection may run others.
			return row;
		}
	}

	return undefined;
}

/**
 * Reverses the run, inside the caller's transaction, and records the undo as a run of its own (mode `undo`,
 * `undoes_run_id`); the undone run's status becomes `undone`.
 *
 * - Every link the run made is removed. A person it mapped stays, and gets back the fields the run filled
 *   (unless edited since).
 * - A person it created is removed, unless `keepReason` (the undo use case's rule, given the person's facts)
 *   names a reason to keep them: then they stay, without the link, and are reported with that reason.
 * - People it made inactive are active again, and people it reactivated inactive again, unless changed since.
 */
export function undoRunIn(
	store: Store,
	target: {runId: number; finishedAt: string | null},
	operator: string,
	at: string,
	keepReason: (person: CreatedPersonFacts, runFinishedAt: string) => string | undefined,
): UndoResult {
	const {sqlite} = store;
	const last = {id: target.runId};
	const finishedAt = target.finishedAt ?? at;
	const links = sqlite
		.prepare('select salesforce_user_id as salesforceUserId, person_id as personId, matched_by as matchedBy, salesforce_name as salesforceName from salesforce_links where run_id = ?')
		.all(last.id) as LinkRow[];
	const outcomes = sqlite
		.prepare(
			"select salesforce_user_id as salesforceUserId, salesforce_name as salesforceName, email, outcome, person_id as personId, previous_values as previousValues from import_outcomes where run_id = ? and outcome in ('created', 'mapped', 'deactivated', 'reactivated') order by id",
		)
		.all(last.id) as OutcomeRow[];
	const outcomeBySalesforceId = new Map(outcomes.filter((row) => row.outcome === 'created' || row.outcome === 'mapped').map((row) => [row.salesforceUserId, row]));

	const readPerson = sqlite.prepare(
		'select id, name, role, team_id as teamId, os_login as osLogin, updated_at as updatedAt, active, deactivated_by_sync as deactivatedBySync from people where id = ?',
	);
	const laterLink = sqlite.prepare('select run_id as runId from salesforce_links where person_id = ? and (run_id is null or run_id != ?)');
	const deleteLink = sqlite.prepare('delete from salesforce_links where salesforce_user_id = ?');
	const deletePerson = sqlite.prepare('delete from people where id = ?');
	const restoreFields = sqlite.prepare('update people set name = ?, title = ?, updated_at = ? where id = ?');
	const setActive = sqlite.prepare('update people set active = ?, deactivated_by_sync = ?, updated_at = ? where id = ?');
	const references = referencesToPeople(store);

	const runId = Number(
		sqlite
			.prepare("insert into import_runs (operator, mode, status, started_at, selected_count, undoes_run_id, note) values (?, 'undo', 'completed', ?, ?, ?, ?)")
			.run(operator, at, links.length, last.id, `undoes run #${last.id}`).lastInsertRowid,
	);
	const insertOutcome = sqlite.prepare(
		'insert into import_outcomes (run_id, salesforce_user_id, salesforce_name, email, outcome, detail, person_id) values (?, ?, ?, ?, ?, ?, ?)',
	);

	let removedPeople = 0;
	let removedLinks = 0;
	const keptPeople: KeptPerson[] = [];
	for (const link of links) {
		const recorded = outcomeBySalesforceId.get(link.salesforceUserId);
		const person = readPerson.get(link.personId) as PersonRow | undefined;
		const name = recorded?.salesforceName ?? link.salesforceName ?? link.salesforceUserId;
		const email = recorded?.email ?? null;
		removedLinks += deleteLink.run(link.salesforceUserId).changes;
		if (person === undefined) {
			continue;
		}

		if (link.matchedBy === 'created') {
			const facts: CreatedPersonFacts = {
				role: person.role === 'admin' ? 'admin' : 'member',
				osLogin: person.osLogin,
				teamId: person.teamId,
				updatedAt: person.updatedAt,
				linkedByLaterRun: laterLink.get(person.id, last.id) !== undefined,
				referencedBy: references(person.id),
			};
			const reason = keepReason(facts, finishedAt);
			if (reason === undefined) {
				deletePerson.run(person.id);
				removedPeople++;
				insertOutcome.run(runId, link.salesforceUserId, name, email, 'removed', `${person.name} removed, with the link`, person.id);
			} else {
				keptPeople.push({personId: person.id, name: person.name, reason});
				insertOutcome.run(runId, link.salesforceUserId, name, email, 'kept', `${person.name} kept (${reason}); the link is removed`, person.id);
			}

			continue;
		}

		let detail = `link to ${person.name} removed; the person stays`;
		if (recorded?.previousValues) {
			if (person.updatedAt > finishedAt) {
				detail += '; the fields the import filled were edited since and stay as they are';
			} else {
				const previous = JSON.parse(recorded.previousValues) as {name: string; title: string | null};
				restoreFields.run(previous.name, previous.title, at, person.id);
				detail += '; the fields the import filled are put back';
			}
		}

		insertOutcome.run(runId, link.salesforceUserId, name, email, 'unlinked', detail, person.id);
	}

	let deactivated = 0;
	let reactivated = 0;
	for (const change of outcomes) {
		if ((change.outcome !== 'deactivated' && change.outcome !== 'reactivated') || change.personId === null) {
			continue;
		}

		const person = readPerson.get(change.personId) as PersonRow | undefined;
		// Changed since by someone else: their word stands.
		if (person === undefined || person.updatedAt > finishedAt) {
			continue;
		}

		if (change.outcome === 'deactivated' && person.active === 0) {
			setActive.run(1, 0, at, person.id);
			reactivated++;
			insertOutcome.run(runId, change.salesforceUserId, change.salesforceName, change.email, 'reactivated', `${person.name} active again (the undone run made them inactive)`, person.id);
		} else if (change.outcome === 'reactivated' && person.active === 1) {
			setActive.run(0, 1, at, person.id);
			deactivated++;
			insertOutcome.run(runId, change.salesforceUserId, change.salesforceName, change.email, 'deactivated', `${person.name} inactive again (the undone run reactivated them)`, person.id);
		}
	}

	sqlite
		.prepare('update import_runs set finished_at = ?, deactivated_count = ?, reactivated_count = ?, note = ? where id = ?')
		.run(
			at,
			deactivated,
			reactivated,
			`undoes run #${last.id}: ${formatCount(removedPeople)} people removed, ${formatCount(removedLinks)} links removed${keptPeople.length > 0 ? `, ${formatCount(keptPeople.length)} people kept` : ''}`,
			runId,
		);
	sqlite.prepare("update import_runs set status = 'undone', note = ? where id = ?").run(`undone by run #${runId}`, last.id);
	return {undoneRunId: last.id, recordRunId: runId, removedPeople, removedLinks, keptPeople};
}

type Reference = {table: string; column: string};

/** Every column of another table that refers to people, found in the schema so that tables added later count too. */
function referencesToPeople(store: Store): (personId: number) => string | undefined {
	const references = store.sqlite
		.prepare(
			`select m.name as "table", f."from" as "column" from sqlite_master m join pragma_foreign_key_list(m.name) f
			 where m.type = 'table' and f."table" = 'people'`,
		)
		.all() as Reference[];
	const checks = references
		.filter((reference) => !ownTables.has(reference.table))
		.map((reference) => ({table: reference.table, statement: store.sqlite.prepare(`select 1 from "${reference.table}" where "${reference.column}" = ? limit 1`)}));
	return (personId) => checks.find((check) => check.statement.get(personId) !== undefined)?.table;
}
