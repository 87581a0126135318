import {displayEmail, withoutSandboxSuffix} from '../core/email.js';
import type {PlanEntry} from '../core/import-plan.js';
import {describeEntry, describeStatusChange} from '../core/plan-entry-detail.js';
import {displayName, type SalesforceUser} from '../core/salesforce-user.js';
import type {StatusChange} from '../core/status-changes.js';
import {toTerminalText} from '../core/terminal-text.js';
import type {Store} from './database.js';

const outcomeOf: Record<PlanEntry['action'], 'created' | 'mapped' | 'already-imported' | 'skipped'> = {
	create: 'created',
	map: 'mapped',
	'already-imported': 'already-imported',
	skip: 'skipped',
};

export type PlanWriter = {
	/** Creates people, links users, fills mapped people's fields, and records each outcome. */
	writeEntries: (runId: number, entries: readonly PlanEntry[], at: string) => void;
	/** Records what the entries would have done, changing nothing else (a held run). */
	recordEntries: (runId: number, entries: readonly PlanEntry[]) => void;
	/** Makes people inactive or active again, and records each change. */
	writeStatusChanges: (runId: number, changes: readonly StatusChange[], at: string) => void;
	recordStatusChanges: (runId: number, changes: readonly StatusChange[]) => void;
};

/**
 * The writes of an import, as prepared statements made once per run: one row at a time through SQLite's own
 * statement cache is what a raw better-sqlite3 loop does, and an import of 100,000 users must not be slower
 * than that by much. The schema's unique constraints still guard every row.
 */
export function planWriter(store: Store): PlanWriter {
	const {sqlite} = store;
	const insertPerson = sqlite.prepare(
		"insert into people (name, email, email_normalised, title, origin, created_at, updated_at) values (?, ?, ?, ?, 'salesforce', ?, ?)",
	);
	const insertLink = sqlite.prepare(
		'insert into salesforce_links (salesforce_user_id, person_id, matched_by, linked_at, run_id, salesforce_name) values (?, ?, ?, ?, ?, ?)',
	);
	const insertOutcome = sqlite.prepare(
		'insert into import_outcomes (run_id, salesforce_user_id, salesforce_name, email, outcome, reason, detail, person_id, manual, previous_values) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
	);
	const readFields = sqlite.prepare('select name, title from people where id = ?');
	const fillPerson = sqlite.prepare('update people set name = coalesce(?, name), title = iif(?, ?, title), updated_at = ? where id = ?');
	const setActive = sqlite.prepare('update people set active = ?, deactivated_by_sync = ?, updated_at = ? where id = ?');

	const outcome = (runId: number, user: SalesforceUser, kind: string, reason: string | null, detail: string | null, personId: number | null, manual: boolean, previous: string | null) => {
		insertOutcome.run(runId, user.id, salesforceName(user), user.email === null ? null : toTerminalText(user.email), kind, reason, detail, personId, manual ? 1 : 0, previous);
	};

	return {
		writeEntries(runId, entries, at) {
			for (const entry of entries) {
				const detail = describeEntry(entry);
				switch (entry.action) {
					case 'create': {
						// The same rule as the key (entry.email), keeping the case Salesforce has.
						const given = displayEmail(toTerminalText(entry.user.email)) ?? entry.email;
						const email = entry.emailAdjusted === undefined ? given : withoutSandboxSuffix(given);
						const title = entry.user.title === null ? null : toTerminalText(entry.user.title);
						const personId = Number(insertPerson.run(salesforceName(entry.user) || entry.email, email, entry.email, title, at, at).lastInsertRowid);
						insertLink.run(entry.user.id, personId, 'created', at, runId, salesforceName(entry.user));
						outcome(runId, entry.user, 'created', null, detail, personId, false, null);
						break;
					}

					case 'map': {
						let previous: string | null = null;
						if (entry.fill !== undefined && Object.keys(entry.fill).length > 0) {
							const before = readFields.get(entry.person.id) as {name: string; title: string | null};
							previous = JSON.stringify(before);
							const fillsTitle = 'title' in entry.fill;
							fillPerson.run(entry.fill.name ?? null, fillsTitle ? 1 : 0, entry.fill.title ?? null, at, entry.person.id);
						}

						insertLink.run(entry.user.id, entry.person.id, entry.matchedBy, at, runId, salesforceName(entry.user));
						outcome(runId, entry.user, 'mapped', null, detail, entry.person.id, entry.manual === true, previous);
						break;
					}

					case 'already-imported': {
						outcome(runId, entry.user, 'already-imported', null, detail, entry.personId, false, null);
						break;
					}

					case 'skip': {
						outcome(runId, entry.user, 'skipped', entry.reason, detail, null, false, null);
						break;
					}
				}
			}
		},
		recordEntries(runId, entries) {
			for (const entry of entries) {
				const personId = entry.action === 'map' ? entry.person.id : entry.action === 'already-imported' ? entry.personId : null;
				outcome(runId, entry.user, outcomeOf[entry.action], entry.action === 'skip' ? entry.reason : null, describeEntry(entry), personId, entry.action === 'map' && entry.manual === true, null);
			}
		},
		writeStatusChanges(runId, changes, at) {
			for (const change of changes) {
				const deactivate = change.action === 'deactivate';
				setActive.run(deactivate ? 0 : 1, deactivate ? 1 : 0, at, change.personId);
				outcome(runId, change.user, deactivate ? 'deactivated' : 'reactivated', null, describeStatusChange(change), change.personId, false, null);
			}
		},
		recordStatusChanges(runId, changes) {
			for (const change of changes) {
				outcome(runId, change.user, change.action === 'deactivate' ? 'deactivated' : 'reactivated', null, describeStatusChange(change), change.personId, false, null);
			}
		},
	};
}

function salesforceName(user: SalesforceUser): string {
	return toTerminalText(displayName(user));
}
