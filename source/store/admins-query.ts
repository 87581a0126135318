import {and, asc, eq, isNotNull} from 'drizzle-orm';
import type {AdminEntry} from '../core/admin-policy.js';
import type {Store} from './database.js';
import {people} from './schema.js';

/** The people who may change things: active, role admin, and carrying the OS login they run the app as. */
export function listAdmins(store: Store): AdminEntry[] {
	return store.db
		.select({id: people.id, name: people.name, login: people.osLogin})
		.from(people)
		.where(and(eq(people.role, 'admin'), eq(people.active, true), isNotNull(people.osLogin)))
		.orderBy(asc(people.name))
		.all()
		.map((admin) => ({id: admin.id, name: admin.name, login: admin.login!}));
}
