/** What a rejected promise rejected with, to look at more than one property of it. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error: unknown) {
		return error;
	}

	throw new Error('expected the promise to reject, but it resolved');
}
