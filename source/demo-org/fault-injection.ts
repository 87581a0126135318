import {DemoOrgError} from './demo-org-error.js';
import {RestError} from './rest-error.js';

/**
 * Misbehaviour on demand, so that a client's retries, timeouts and refresh limits can be tested against
 * a server that really fails. REST calls are every request but the OAuth endpoints and the approval page.
 */
export type DemoOrgFaults = {
	/** Every response, the token endpoint's too, waits this long before it is answered. */
	latencyMs?: number;
	/** This share (0 to 1) of REST calls is answered 503 SERVER_UNAVAILABLE; seeded, so runs repeat. */
	failureRate?: number;
	/** The next N REST calls are answered 503 SERVER_UNAVAILABLE. */
	failNext?: number;
	/** The next N successful query and queryMore responses send part of their body, then drop the connection. */
	resetMidPage?: number;
	/** Every REST call is answered 401 INVALID_SESSION_ID, even with a token issued a moment ago. */
	rejectAllSessions?: boolean;
};

export type ActiveFaults = Required<DemoOrgFaults>;

const noFaults: ActiveFaults = {latencyMs: 0, failureRate: 0, failNext: 0, resetMidPage: 0, rejectAllSessions: false};
const maximumLatencyMs = 10 * 60 * 1000;

export function serverUnavailable(): RestError {
	return new RestError(503, 'SERVER_UNAVAILABLE', 'The server is temporarily unable to service your request. Try again later.');
}

/**
 * The faults in force and the seeded random numbers that decide which calls fail. Setting a failure rate
 * restarts the sequence, so the same seed and the same calls fail the same way on every run.
 */
export class FaultInjector {
	#faults: ActiveFaults = {...noFaults};
	#random: () => number;
	readonly #seed: number;

	constructor(seed: number, faults: DemoOrgFaults = {}) {
		this.#seed = seed;
		this.#random = seededRandom(seed);
		this.set(faults);
	}

	get current(): Readonly<ActiveFaults> {
		return this.#faults;
	}

	/** Changes the faults named, leaving the others as they are. */
	set(partial: DemoOrgFaults): void {
		checkFaults(partial);
		const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) as DemoOrgFaults;
		this.#faults = {...this.#faults, ...defined};
		if (partial.failureRate !== undefined) {
			this.#random = seededRandom(this.#seed);
		}
	}

	/** Whether this REST call is to fail with 503; uses up one of failNext. */
	failsNow(): boolean {
		if (this.#faults.failNext > 0) {
			this.#faults.failNext--;
			return true;
		}

		return this.#faults.failureRate > 0 && this.#random() < this.#faults.failureRate;
	}

	/** Whether this query response is to break off half-way; uses up one of resetMidPage. */
	resetsNow(): boolean {
		if (this.#faults.resetMidPage > 0) {
			this.#faults.resetMidPage--;
			return true;
		}

		return false;
	}
}

/** The faults in force, in words, for the banner; empty when there are none. */
export function describeFaults(faults: Readonly<ActiveFaults>): string[] {
	const lines: string[] = [];
	if (faults.latencyMs > 0) {
		lines.push(`every response waits ${faults.latencyMs} ms`);
	}

	if (faults.failureRate > 0) {
		lines.push(`${Math.round(faults.failureRate * 1000) / 10}% of REST calls answer 503 SERVER_UNAVAILABLE`);
	}

	if (faults.failNext > 0) {
		lines.push(`the next ${faults.failNext} REST call${faults.failNext === 1 ? '' : 's'} answer 503 SERVER_UNAVAILABLE`);
	}

	if (faults.resetMidPage > 0) {
		lines.push(`the next ${faults.resetMidPage} query page${faults.resetMidPage === 1 ? '' : 's'} break off mid-body`);
	}

	if (faults.rejectAllSessions) {
		lines.push('every REST call answers 401 INVALID_SESSION_ID, even after a refresh');
	}

	return lines;
}

function checkFaults(faults: DemoOrgFaults): void {
	const whole = (name: string, value: number | undefined, maximum: number) => {
		if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > maximum)) {
			throw new DemoOrgError(`The demo org's ${name} fault must be a whole number from 0 to ${maximum.toLocaleString('en-US')}, not ${value}.`);
		}
	};

	whole('latencyMs', faults.latencyMs, maximumLatencyMs);
	whole('failNext', faults.failNext, Number.MAX_SAFE_INTEGER);
	whole('resetMidPage', faults.resetMidPage, Number.MAX_SAFE_INTEGER);
	const rate = faults.failureRate;
	if (rate !== undefined && !(Number.isFinite(rate) && rate >= 0 && rate <= 1)) {
		throw new DemoOrgError(`The demo org's failureRate fault must be a number from 0 to 1, not ${rate}.`);
	}
}

/** mulberry32: small, fast, and the same numbers for the same seed on every platform. */
function seededRandom(seed: number): () => number {
	let state = Math.trunc(seed) >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}
