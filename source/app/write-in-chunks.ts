/**
 * Writes a long list a chunk at a time, looking at the event loop between chunks so that a screen can draw
 * the progress, inside the run's one transaction.
 */
export async function writeInChunks<T>(
	items: readonly T[],
	write: (chunk: readonly T[]) => Promise<void>,
	onProgress?: (progress: {done: number; total: number}) => void,
	chunkSize = 1000,
): Promise<void> {
	const total = items.length;
	for (let start = 0; start < total; start += chunkSize) {
		// eslint-disable-next-line no-await-in-loop
		await write(items.slice(start, start + chunkSize));
		onProgress?.({done: Math.min(total, start + chunkSize), total});
		// eslint-disable-next-line no-await-in-loop
		await new Promise(setImmediate);
	}
}
