import {asc, count, eq, sql} from 'drizzle-orm';
import type {TeamListing} from '../core/person.js';
import type {Store} from './database.js';
import {people, teams} from './schema.js';

/** Every team by name, with how many people are on it. */
export function listTeams(store: Store): TeamListing[] {
	return store.db
		.select({id: teams.id, name: teams.name, members: count(people.id)})
		.from(teams)
		.leftJoin(people, eq(people.teamId, teams.id))
		.groupBy(teams.id)
		.orderBy(asc(sql`${teams.name} collate nocase`))
		.all();
}
