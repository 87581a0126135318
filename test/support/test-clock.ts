/** A clock that moves only when told: time-based rules are tested without waiting for the time to pass. */
export function testClock(start = Date.now()) {
	let current = start;
	return {
		now: () => current,
		advance(milliseconds: number) {
			current += milliseconds;
		},
	};
}
