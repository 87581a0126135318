import {describe, expect, it} from 'vitest';
import {chooseSyncKind, fullSyncEvery, nextHighWaterMark, type SyncMemory} from '../../source/core/sync-kind.js';

const now = new Date('2026-03-10T12:00:00Z');
const memory: SyncMemory = {
	highWaterMark: '2026-03-10T11:00:00.000Z',
	lastFullSyncAt: '2026-03-09T12:00:00.000Z',
	incrementalSinceFull: 3,
	fingerprint: 'f',
	fullSyncRequested: false,
};

describe('chooseSyncKind', () => {
	it('asks only for users changed since the mark when nothing calls for a full sync', () => {
		expect(chooseSyncKind(memory, 'f', now)).toMatchObject({kind: 'incremental', since: '2026-03-10T11:00:00.000Z'});
	});

	it.each([
		['no mark yet', {highWaterMark: null}, 'f', /first sync/],
		['another org, scope or rules', {}, 'g', /changed/],
		['a manual choice since', {fullSyncRequested: true}, 'f', /manual/],
		[`the ${fullSyncEvery}th sync`, {incrementalSinceFull: fullSyncEvery - 1}, 'f', /every 24th/],
		['a full sync over 7 days old', {lastFullSyncAt: '2026-03-02T11:00:00.000Z'}, 'f', /7 days/],
	] as const)('reads every user for %s', (_name, change, fingerprint, reason) => {
		const choice = chooseSyncKind({...memory, ...change}, fingerprint, now);
		expect(choice.kind).toBe('full');
		expect(choice.reason).toMatch(reason);
	});
});

describe('nextHighWaterMark', () => {
	it('is the newest of the mark and the modstamps read', () => {
		expect(nextHighWaterMark(null, ['2026-01-01T00:00:00.000Z', null, '2026-02-01T00:00:00.000Z'])).toBe('2026-02-01T00:00:00.000Z');
		expect(nextHighWaterMark('2026-03-01T00:00:00.000Z', ['2026-02-01T00:00:00.000Z'])).toBe('2026-03-01T00:00:00.000Z');
		expect(nextHighWaterMark(null, [])).toBeNull();
	});
});
