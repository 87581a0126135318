import {describe, expect, it} from 'vitest';
import {dateLiteralRange} from '../../source/demo-org/soql-date-literals.js';

// Wednesday 2026-12-02 14:30 UTC; the week (en_US) began on Sunday 2026-11-29.
const now = Date.UTC(2026, 11, 2, 14, 30);
const range = (literal: string) => {
	const found = dateLiteralRange(literal, now);
	return found && [new Date(found.start).toISOString().slice(0, 10), new Date(found.end).toISOString().slice(0, 10)];
};

describe('SOQL date literals, as the SOQL and SOSL Reference defines them (UTC, weeks from Sunday)', () => {
	it('days', () => {
		expect(range('TODAY')).toEqual(['2026-12-02', '2026-12-03']);
		expect(range('yesterday')).toEqual(['2026-12-01', '2026-12-02']);
		expect(range('TOMORROW')).toEqual(['2026-12-03', '2026-12-04']);
		// LAST_N_DAYS counts today; NEXT_N_DAYS starts tomorrow.
		expect(range('LAST_N_DAYS:1')).toEqual(['2026-12-01', '2026-12-03']);
		expect(range('LAST_90_DAYS')).toEqual(range('LAST_N_DAYS:90'));
		expect(range('NEXT_N_DAYS:2')).toEqual(['2026-12-03', '2026-12-05']);
		expect(range('N_DAYS_AGO:3')).toEqual(['2026-11-29', '2026-11-30']);
	});

	it('weeks, months, quarters and years, fiscal ones being calendar ones', () => {
		expect(range('THIS_WEEK')).toEqual(['2026-11-29', '2026-12-06']);
		expect(range('LAST_WEEK')).toEqual(['2026-11-22', '2026-11-29']);
		expect(range('LAST_N_WEEKS:2')).toEqual(['2026-11-15', '2026-11-29']);
		expect(range('THIS_MONTH')).toEqual(['2026-12-01', '2027-01-01']);
		expect(range('LAST_N_MONTHS:2')).toEqual(['2026-10-01', '2026-12-01']);
		expect(range('N_MONTHS_AGO:12')).toEqual(['2025-12-01', '2026-01-01']);
		expect(range('THIS_QUARTER')).toEqual(['2026-10-01', '2027-01-01']);
		expect(range('NEXT_QUARTER')).toEqual(['2027-01-01', '2027-04-01']);
		expect(range('THIS_YEAR')).toEqual(['2026-01-01', '2027-01-01']);
		expect(range('LAST_FISCAL_YEAR')).toEqual(['2025-01-01', '2026-01-01']);
		expect(range('NEXT_N_YEARS:2')).toEqual(['2027-01-01', '2029-01-01']);
	});

	it('is undefined for what is not a date literal', () => {
		for (const text of ['NOW', 'LAST_N_DAYS', 'LAST_N_DAYS:x', 'THIS_DAY', 'N_DAYS:2', 'LAST_N_DAYS_AGO:2']) {
			expect(dateLiteralRange(text, now), text).toBeUndefined();
		}
	});
});
