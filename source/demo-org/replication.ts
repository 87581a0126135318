import {RestError} from './rest-error.js';
import {findField} from './soql-fields.js';
import type {SObjectTable} from './sobject-table.js';

/**
 * sObject Get Updated and Get Deleted (`sobjects/{type}/updated?start=&end=`, `/deleted`), as the REST API
 * Developer Guide documents them: times in UTC with their seconds dropped, start before end, no more than
 * 30 days back, at most 600,000 ids, judged by SystemModstamp (LastModifiedDate where there is none).
 */

const minuteMs = 60 * 1000;
const windowMs = 30 * 24 * 60 * minuteMs;
export const maximumReplicationIds = 600_000;

type Window = {start: number; end: number; latestCovered: number};

function replicationError(message: string): RestError {
	return new RestError(400, 'INVALID_REPLICATION_DATE', message);
}

function readWindow(params: URLSearchParams, now: number): Window {
	const times = (['start', 'end'] as const).map((name) => {
		const text = params.get(name);
		if (text === null || text.trim() === '') {
			throw new RestError(400, 'MISSING_ARGUMENT', `Missing required parameter: ${name}`);
		}

		// ISO 8601 with a time zone, as "Valid Date and DateTime Formats" requires.
		const time = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)$/.test(text.trim()) ? Date.parse(text.trim()) : Number.NaN;
		if (Number.isNaN(time)) {
			throw replicationError(`${name} is not a valid date and time: ${text}`);
		}

		return Math.floor(time / minuteMs) * minuteMs;
	});
	const [start, end] = times as [number, number];
	if (start >= end) {
		throw replicationError('startDate must chronologically precede endDate');
	}

	if (start < Math.floor((now - windowMs) / minuteMs) * minuteMs) {
		throw replicationError('startDate cannot be more than 30 days ago');
	}

	// Changes up to the current second are covered; a client's next window starts there.
	return {start, end, latestCovered: Math.min(end, Math.floor(now / 1000) * 1000)};
}

function utc(time: number): string {
	return new Date(time).toISOString().replace('Z', '+0000');
}

export function replicationCheck(table: SObjectTable): void {
	if (!replicableTables.has(table.name)) {
		throw new RestError(400, 'INVALID_TYPE_FOR_OPERATION', `entity type ${table.name} does not support replication`);
	}
}

/** Objects the demo org serves whose describe says replicateable. */
const replicableTables = new Set(['User', 'Profile', 'UserRole', 'PermissionSet', 'PermissionSetAssignment', 'Opportunity', 'Task', 'Event']);

export function updatedRecords(table: SObjectTable, params: URLSearchParams, now: number) {
	replicationCheck(table);
	const window = readWindow(params, now);
	const stamp = findField(table, 'SystemModstamp') ?? findField(table, 'LastModifiedDate');
	const ids: string[] = [];
	if (stamp) {
		for (const record of table.records) {
			const value = stamp.read(record);
			const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
			if (time >= window.start && time <= window.latestCovered) {
				ids.push(table.idOf(record));
				if (ids.length > maximumReplicationIds) {
					throw new RestError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${maximumReplicationIds} records in a single call`);
				}
			}
		}
	}

	return {ids, latestDateCovered: utc(window.latestCovered)};
}

export function deletedRecords(table: SObjectTable, params: URLSearchParams, now: number, organizationCreated: number) {
	replicationCheck(table);
	const window = readWindow(params, now);
	const deleted = table.deleted.filter((entry) => {
		const time = Date.parse(entry.deletedDate);
		return time >= window.start && time <= window.latestCovered;
	});
	// The delete log keeps 15 days; with nothing purged yet, what is available starts when the org began.
	const earliest = Math.max(organizationCreated, Math.floor((now - 15 * 24 * 60 * minuteMs) / minuteMs) * minuteMs);
	return {deletedRecords: deleted.map((entry) => ({id: entry.id, deletedDate: entry.deletedDate})), earliestDateAvailable: utc(earliest), latestDateCovered: utc(window.latestCovered)};
}
