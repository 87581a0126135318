/** Time, for the use cases: what time it is, and a pause that another caller can cut short. */
export type Clock = {
	now: () => Date;
	sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
};

export const systemClock: Clock = {
	now: () => new Date(),
	async sleep(ms, signal) {
		await new Promise<void>((resolve) => {
			const timer = setTimeout(done, ms);
			function done() {
				clearTimeout(timer);
				signal?.removeEventListener('abort', done);
				resolve();
			}

			signal?.addEventListener('abort', done, {once: true});
		});
	},
};
