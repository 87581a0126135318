import type pg from 'pg';
import {displayEmail, withoutSandboxSuffix} from '../core/email.js';
import type {PlanEntry} from '../core/import-plan.js';
import {describeEntry, describeStatusChange} from '../core/plan-entry-detail.js';
import {displayName, type SalesforceUser} from '../core/salesforce-user.js';
import type {StatusChange} from '../core/status-changes.js';
import {toTerminalText} from '../core/terminal-text.js';

type OutcomeRow = {
	salesforceUserId: string;
	salesforceName: string;
	email: string | null;
	outcome: string;
	reason: string | null;
	detail: string | null;
	personId: number | null;
	manual: boolean;
	previousValues: string | null;
};

type LinkRow = {salesforceUserId: string; personId: number; matchedBy: string; salesforceName: string};

const outcomeOf: Record<PlanEntry['action'], 'created' | 'mapped' | 'already-imported' | 'skipped'> = {
	create: 'created',
	map: 'mapped',
	'already-imported': 'already-imported',
	skip: 'skipped',
};

// Each statement takes its rows as a few arrays (unnest), so a chunk is one round trip with a handful of
// parameters, far under PostgreSQL's 65,535; chunks only bound the size of one message.
const chunkSize = 10_000;

function chunks<T>(rows: readonly T[]): T[][] {
	const result: T[][] = [];
	for (let start = 0; start < rows.length; start += chunkSize) {
		result.push(rows.slice(start, start + chunkSize));
	}

	return result;
}

function salesforceName(user: SalesforceUser): string {
	return toTerminalText(displayName(user));
}

function outcomeRow(user: SalesforceUser, outcome: string, reason: string | null, detail: string | null, personId: number | null, manual: boolean, previous: string | null): OutcomeRow {
	return {
		salesforceUserId: user.id,
		salesforceName: salesforceName(user),
		email: user.email === null ? null : toTerminalText(user.email),
		outcome,
		reason,
		detail,
		personId,
		manual,
		previousValues: previous,
	};
}

/** Outcomes in the order given, which their ids keep (the users' selection order). */
export async function insertOutcomes(client: pg.ClientBase, runId: number, rows: readonly OutcomeRow[]): Promise<void> {
	for (const chunk of chunks(rows)) {
		// eslint-disable-next-line no-await-in-loop
		await client.query(
			`insert into import_outcomes (run_id, salesforce_user_id, salesforce_name, email, outcome, reason, detail, person_id, manual, previous_values)
			 select $1, u.sf, u.name, u.email, u.outcome, u.reason, u.detail, u.person, u.manual, u.previous
			 from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::boolean[], $10::text[])
			   with ordinality as u(sf, name, email, outcome, reason, detail, person, manual, previous, ord)
			 order by u.ord`,
			[
				runId,
				chunk.map((row) => row.salesforceUserId),
				chunk.map((row) => row.salesforceName),
				chunk.map((row) => row.email),
				chunk.map((row) => row.outcome),
				chunk.map((row) => row.reason),
				chunk.map((row) => row.detail),
				chunk.map((row) => row.personId),
				chunk.map((row) => row.manual),
				chunk.map((row) => row.previousValues),
			],
		);
	}
}

async function insertLinks(client: pg.ClientBase, runId: number, at: string, rows: readonly LinkRow[]): Promise<void> {
	for (const chunk of chunks(rows)) {
		// eslint-disable-next-line no-await-in-loop
		await client.query(
			`insert into salesforce_links (salesforce_user_id, person_id, matched_by, linked_at, run_id, salesforce_name)
			 select u.sf, u.person, u.matched, $1, $2, u.name from unnest($3::text[], $4::int[], $5::text[], $6::text[]) as u(sf, person, matched, name)`,
			[at, runId, chunk.map((row) => row.salesforceUserId), chunk.map((row) => row.personId), chunk.map((row) => row.matchedBy), chunk.map((row) => row.salesforceName)],
		);
	}
}

type NewPersonRow = {name: string; email: string; emailNormalised: string; title: string | null};

/** Creates the people; their ids by normalised email (unique, so the answer's order does not matter). */
async function insertPeople(client: pg.ClientBase, at: string, rows: readonly NewPersonRow[]): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	for (const chunk of chunks(rows)) {
		// eslint-disable-next-line no-await-in-loop
		const result = await client.query<{id: number; key: string}>(
			`insert into people (name, email, email_normalised, title, origin, created_at, updated_at)
			 select u.name, u.email, u.key, u.title, 'salesforce', $1, $1 from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as u(name, email, key, title)
			 returning id, email_normalised as key`,
			[at, chunk.map((row) => row.name), chunk.map((row) => row.email), chunk.map((row) => row.emailNormalised), chunk.map((row) => row.title)],
		);
		for (const row of result.rows) {
			ids.set(row.key, row.id);
		}
	}

	return ids;
}

type Fill = {personId: number; name: string | null; fillsTitle: boolean; title: string | null};

/** Fills mapped people's fields; returns what each had before, as JSON for undo. */
async function fillPeople(client: pg.ClientBase, at: string, fills: readonly Fill[]): Promise<Map<number, string>> {
	const previous = new Map<number, string>();
	for (const chunk of chunks(fills)) {
		const ids = chunk.map((fill) => fill.personId);
		// eslint-disable-next-line no-await-in-loop
		const before = await client.query<{id: number; name: string; title: string | null}>('select id, name, title from people where id = any($1::int[])', [ids]);
		for (const row of before.rows) {
			previous.set(row.id, JSON.stringify({name: row.name, title: row.title}));
		}

		// eslint-disable-next-line no-await-in-loop
		await client.query(
			`update people p set name = coalesce(u.name, p.name), title = case when u.fills then u.title else p.title end, updated_at = $1
			 from unnest($2::int[], $3::text[], $4::boolean[], $5::text[]) as u(id, name, fills, title) where p.id = u.id`,
			[at, ids, chunk.map((fill) => fill.name), chunk.map((fill) => fill.fillsTitle), chunk.map((fill) => fill.title)],
		);
	}

	return previous;
}

/**
 * The writes of an import on PostgreSQL, set-based: a statement per kind of row (people, links, outcomes)
 * and per chunk, not a round trip per user. The schema's unique constraints still guard every row.
 */
export function postgresPlanWriter(client: pg.ClientBase) {
	const recordStatusChanges = async (runId: number, changes: readonly StatusChange[]): Promise<void> =>
		insertOutcomes(
			client,
			runId,
			changes.map((change) =>
				outcomeRow(change.user, change.action === 'deactivate' ? 'deactivated' : 'reactivated', null, describeStatusChange(change), change.personId, false, null),
			),
		);

	return {
		async writeEntries(runId: number, entries: readonly PlanEntry[], at: string): Promise<void> {
			const created: NewPersonRow[] = [];
			const fills: Fill[] = [];
			for (const entry of entries) {
				if (entry.action === 'create') {
					// The same rule as the key (entry.email), keeping the case Salesforce has.
					const given = displayEmail(toTerminalText(entry.user.email)) ?? entry.email;
					const email = entry.emailAdjusted === undefined ? given : withoutSandboxSuffix(given);
					const title = entry.user.title === null ? null : toTerminalText(entry.user.title);
					created.push({name: salesforceName(entry.user) || entry.email, email, emailNormalised: entry.email, title});
				} else if (entry.action === 'map' && entry.fill !== undefined && Object.keys(entry.fill).length > 0) {
					fills.push({personId: entry.person.id, name: entry.fill.name ?? null, fillsTitle: 'title' in entry.fill, title: entry.fill.title ?? null});
				}
			}

			const createdIds = await insertPeople(client, at, created);
			const previous = await fillPeople(client, at, fills);
			const links: LinkRow[] = [];
			const outcomes: OutcomeRow[] = [];
			for (const entry of entries) {
				const detail = describeEntry(entry);
				switch (entry.action) {
					case 'create': {
						const personId = createdIds.get(entry.email)!;
						links.push({salesforceUserId: entry.user.id, personId, matchedBy: 'created', salesforceName: salesforceName(entry.user)});
						outcomes.push(outcomeRow(entry.user, 'created', null, detail, personId, false, null));
						break;
					}

					case 'map': {
						links.push({salesforceUserId: entry.user.id, personId: entry.person.id, matchedBy: entry.matchedBy, salesforceName: salesforceName(entry.user)});
						outcomes.push(outcomeRow(entry.user, 'mapped', null, detail, entry.person.id, entry.manual === true, previous.get(entry.person.id) ?? null));
						break;
					}

					case 'already-imported': {
						outcomes.push(outcomeRow(entry.user, 'already-imported', null, detail, entry.personId, false, null));
						break;
					}

					case 'skip': {
						outcomes.push(outcomeRow(entry.user, 'skipped', entry.reason, detail, null, false, null));
						break;
					}
				}
			}

			await insertLinks(client, runId, at, links);
			await insertOutcomes(client, runId, outcomes);
		},
		async recordEntries(runId: number, entries: readonly PlanEntry[]): Promise<void> {
			await insertOutcomes(
				client,
				runId,
				entries.map((entry) => {
					const personId = entry.action === 'map' ? entry.person.id : entry.action === 'already-imported' ? entry.personId : null;
					return outcomeRow(entry.user, outcomeOf[entry.action], entry.action === 'skip' ? entry.reason : null, describeEntry(entry), personId, entry.action === 'map' && entry.manual === true, null);
				}),
			);
		},
		async writeStatusChanges(runId: number, changes: readonly StatusChange[], at: string): Promise<void> {
			for (const chunk of chunks(changes)) {
				// eslint-disable-next-line no-await-in-loop
				await client.query(
					`update people p set active = not u.deactivate, deactivated_by_sync = u.deactivate, updated_at = $1
					 from unnest($2::int[], $3::boolean[]) as u(id, deactivate) where p.id = u.id`,
					[at, chunk.map((change) => change.personId), chunk.map((change) => change.action === 'deactivate')],
				);
			}

			await recordStatusChanges(runId, changes);
		},
		recordStatusChanges,
	};
}
