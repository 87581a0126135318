import {and, asc, eq, isNotNull} from 'drizzle-orm';
import {assessOperator, NotAdminError, refusalFor, type AdminAction, type AdminEntry, type OperatorRights} from '../core/admin-policy.js';
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

/** Whether the OS login may change things, read from the store as it is now (another admin may just have changed it). */
export function operatorRights(store: Store, login: string): OperatorRights {
	const person = store.db
		.select({id: people.id, name: people.name, email: people.email, role: people.role, active: people.active})
		.from(people)
		.where(eq(people.osLogin, login))
		.get();
	return assessOperator(login, person, listAdmins(store));
}

/** Throws NotAdminError, with why and who can help, unless the login may do `action`. */
export function assertAdmin(store: Store, login: string, action: AdminAction): OperatorRights {
	const rights = operatorRights(store, login);
	const refusal = refusalFor(action, rights);
	if (refusal !== undefined) {
		throw new NotAdminError(refusal);
	}

	return rights;
}
