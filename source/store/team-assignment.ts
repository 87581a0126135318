import {eq, inArray} from 'drizzle-orm';
import type {Store} from './database.js';
import {DirectoryError} from './directory-error.js';
import {people, teams} from './schema.js';

/** Puts the people on the team (null: on no team), moving them from any other; returns how many changed. */
export function assignTeam(store: Store, personIds: readonly number[], teamId: number | null): number {
	if (personIds.length === 0) {
		return 0;
	}

	return store.sqlite
		.transaction(() => {
			if (teamId !== null && store.db.select({id: teams.id}).from(teams).where(eq(teams.id, teamId)).get() === undefined) {
				throw new DirectoryError('That team no longer exists; someone may have deleted it.');
			}

			let changed = 0;
			// SQLite caps the number of bound values in one statement; a chunk of ids stays well under it.
			for (let start = 0; start < personIds.length; start += 500) {
				const chunk = personIds.slice(start, start + 500);
				changed += store.db.update(people).set({teamId, updatedAt: new Date().toISOString()}).where(inArray(people.id, chunk)).run().changes;
			}

			return changed;
		})
		.immediate();
}
