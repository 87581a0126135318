/** A change to people or teams that the store refuses, with a sentence that says why. Nothing was written. */
export class DirectoryError extends Error {
	override name = 'DirectoryError';
}

/** Whether SQLite refused a write because a unique index already holds the value (another writer got there first). */
export function isUniqueViolation(error: unknown): boolean {
	return error instanceof Error && (error as {code?: unknown}).code === 'SQLITE_CONSTRAINT_UNIQUE';
}
