/**
 * SOQL's relative date literals (`TODAY`, `LAST_N_DAYS:30`, `THIS_QUARTER`…) as the SOQL and SOSL Reference
 * defines them, each a range [start, end) of milliseconds. The demo org evaluates them in UTC with weeks
 * starting on Sunday (an en_US user), and its fiscal year is the calendar year, a new org's default.
 */
export type DateRange = {start: number; end: number};

const dayMs = 24 * 60 * 60 * 1000;

type Unit = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

function startOf(unit: Unit, time: number): number {
	const date = new Date(time);
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth();
	switch (unit) {
		case 'DAY': {
			return Date.UTC(year, month, date.getUTCDate());
		}

		case 'WEEK': {
			return Date.UTC(year, month, date.getUTCDate() - date.getUTCDay());
		}

		case 'MONTH': {
			return Date.UTC(year, month, 1);
		}

		case 'QUARTER': {
			return Date.UTC(year, month - (month % 3), 1);
		}

		case 'YEAR': {
			return Date.UTC(year, 0, 1);
		}
	}
}

function add(unit: Unit, time: number, count: number): number {
	if (unit === 'DAY' || unit === 'WEEK') {
		return time + count * (unit === 'DAY' ? 1 : 7) * dayMs;
	}

	const date = new Date(time);
	const months = count * (unit === 'MONTH' ? 1 : unit === 'QUARTER' ? 3 : 12);
	return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
}

/** The unit after THIS_/LAST_/NEXT_; fiscal periods are calendar ones here. */
function unitOf(word: string): Unit | undefined {
	const name = word.replace(/^FISCAL_/, '');
	return (['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const).find((unit) => unit === name);
}

/** The range a date literal names, or undefined for a word that is not one. */
export function dateLiteralRange(literal: string, now: number): DateRange | undefined {
	const [rawName, rawCount] = literal.toUpperCase().split(':');
	const name = rawName!.trim();
	const today = startOf('DAY', now);
	const fixed: Record<string, DateRange> = {
		YESTERDAY: {start: today - dayMs, end: today},
		TODAY: {start: today, end: today + dayMs},
		TOMORROW: {start: today + dayMs, end: today + 2 * dayMs},
		// LAST_90_DAYS counts today and the 90 days before it, as LAST_N_DAYS:90 does.
		LAST_90_DAYS: {start: today - 90 * dayMs, end: today + dayMs},
		NEXT_90_DAYS: {start: today + dayMs, end: today + 91 * dayMs},
	};
	if (rawCount === undefined) {
		if (fixed[name]) {
			return fixed[name];
		}

		const period = /^(THIS|LAST|NEXT)_(.+)$/.exec(name);
		const unit = period ? unitOf(period[2]!) : undefined;
		if (!period || !unit || unit === 'DAY') {
			return undefined;
		}

		const shift = period[1] === 'THIS' ? 0 : period[1] === 'LAST' ? -1 : 1;
		const start = add(unit, startOf(unit, now), shift);
		return {start, end: add(unit, start, 1)};
	}

	const count = /^\d+$/.test(rawCount.trim()) ? Number(rawCount) : Number.NaN;
	if (!Number.isSafeInteger(count)) {
		return undefined;
	}

	const relative = /^(LAST_N|NEXT_N|N)_(.+?)S(_AGO)?$/.exec(name);
	const unit = relative ? unitOf(relative[2]!) : undefined;
	if (!relative || !unit) {
		return undefined;
	}

	const current = startOf(unit, now);
	if (relative[1] === 'N') {
		if (relative[3] === undefined) {
			return undefined;
		}

		const start = add(unit, current, -count);
		return {start, end: add(unit, start, 1)};
	}

	if (relative[3] !== undefined) {
		return undefined;
	}

	if (relative[1] === 'LAST_N') {
		// LAST_N_DAYS includes today; LAST_N_WEEKS, _MONTHS… end where the current period starts.
		return unit === 'DAY' ? {start: today - count * dayMs, end: today + dayMs} : {start: add(unit, current, -count), end: current};
	}

	const next = add(unit, current, 1);
	return {start: next, end: add(unit, next, count)};
}
