import {and, eq, ne} from 'drizzle-orm';
import {lastAdminRefusal} from '../core/admin-policy.js';
import {checkOsLogin, checkPerson, type CheckedPerson, type PersonInput} from '../core/person-form.js';
import type {Store} from './database.js';
import {DirectoryError, isUniqueViolation} from './directory-error.js';
import {listAdmins} from './operator-rights.js';
import {people, salesforceLinks} from './schema.js';

type PersonRow = {id: number; name: string; role: 'admin' | 'member'; active: boolean; osLogin: string | null};

export function checkedPerson(input: PersonInput): CheckedPerson {
	const checked = checkPerson(input);
	if (!checked.ok) {
		throw new DirectoryError(checked.reason);
	}

	return checked.person;
}

export function checkedLogin(raw: string): string {
	const login = checkOsLogin(raw);
	if (login === null) {
		throw new DirectoryError(`"${raw.trim()}" cannot be an OS login: no blanks, at most 64 characters.`);
	}

	return login;
}

export function personOrThrow(store: Store, personId: number): PersonRow {
	const person = store.db
		.select({id: people.id, name: people.name, role: people.role, active: people.active, osLogin: people.osLogin})
		.from(people)
		.where(eq(people.id, personId))
		.get();
	if (person === undefined) {
		throw new DirectoryError('That person no longer exists.');
	}

	return person;
}

/** Emails are unique without regard to case: say who has this one already. */
export function refuseEmailTaken(store: Store, emailNormalised: string, exceptId?: number): void {
	const other = store.db
		.select({name: people.name, email: people.email})
		.from(people)
		.where(exceptId === undefined ? eq(people.emailNormalised, emailNormalised) : and(eq(people.emailNormalised, emailNormalised), ne(people.id, exceptId)))
		.get();
	if (other !== undefined) {
		throw new DirectoryError(`${other.name} has that email already (${other.email}); emails are compared without case, so one person each.`);
	}
}

export function refuseLoginTaken(store: Store, login: string, exceptId?: number): void {
	const other = store.db
		.select({name: people.name})
		.from(people)
		.where(exceptId === undefined ? eq(people.osLogin, login) : and(eq(people.osLogin, login), ne(people.id, exceptId)))
		.get();
	if (other !== undefined) {
		throw new DirectoryError(`${other.name} has the OS login "${login}" already.`);
	}
}

/** Runs a write that the checks above just allowed; a second writer may still win the race, and the unique index says so. */
function writeChecked<T>(store: Store, person: CheckedPerson, exceptId: number | undefined, write: () => T): T {
	try {
		return write();
	} catch (error: unknown) {
		if (isUniqueViolation(error)) {
			refuseEmailTaken(store, person.emailNormalised, exceptId);
		}

		throw error;
	}
}

/** A person added by hand: a member, active, on no team, linked to nothing. */
export function addPerson(store: Store, input: PersonInput): number {
	const person = checkedPerson(input);
	refuseEmailTaken(store, person.emailNormalised);
	const [row] = writeChecked(store, person, undefined, () => store.db.insert(people).values({...person, origin: 'manual'}).returning({id: people.id}).all());
	return row!.id;
}

export function updatePerson(store: Store, personId: number, input: PersonInput): void {
	const person = checkedPerson(input);
	personOrThrow(store, personId);
	refuseEmailTaken(store, person.emailNormalised, personId);
	writeChecked(store, person, personId, () =>
		store.db
			.update(people)
			.set({...person, updatedAt: new Date().toISOString()})
			.where(eq(people.id, personId))
			.run(),
	);
}

/** Deactivates or reactivates; the last admin cannot be deactivated. */
export function setPersonActive(store: Store, personId: number, active: boolean, operatorPersonId?: number): void {
	store.sqlite
		.transaction(() => {
			const person = personOrThrow(store, personId);
			const refusal = active ? undefined : lastAdminRefusal(listAdmins(store), personId, false, operatorPersonId);
			if (refusal !== undefined) {
				throw new DirectoryError(refusal);
			}

			store.db.update(people).set({active, updatedAt: new Date().toISOString()}).where(eq(people.id, person.id)).run();
		})
		.immediate();
}

/**
 * Makes the person an admin (who needs the OS login they run the app as: given here, or theirs already)
 * or a member; the last admin cannot be made a member.
 */
export function setPersonRole(store: Store, personId: number, role: 'admin' | 'member', rawLogin?: string, operatorPersonId?: number): void {
	store.sqlite
		.transaction(() => {
			const person = personOrThrow(store, personId);
			if (role === 'member') {
				const refusal = lastAdminRefusal(listAdmins(store), personId, false, operatorPersonId);
				if (refusal !== undefined) {
					throw new DirectoryError(refusal);
				}

				store.db.update(people).set({role, updatedAt: new Date().toISOString()}).where(eq(people.id, personId)).run();
				return;
			}

			if (!person.active) {
				throw new DirectoryError(`${person.name} is deactivated; reactivate them first.`);
			}

			const login = rawLogin === undefined || rawLogin.trim() === '' ? person.osLogin : checkedLogin(rawLogin);
			if (login === null) {
				throw new DirectoryError(`An admin needs the OS login they run salesscreen as; give ${person.name}'s.`);
			}

			refuseLoginTaken(store, login, personId);
			store.db.update(people).set({role, osLogin: login, updatedAt: new Date().toISOString()}).where(eq(people.id, personId)).run();
		})
		.immediate();
}

/** Forgets the person's Salesforce link; the person stays. Returns false when there was none. */
export function unlinkPerson(store: Store, personId: number): boolean {
	personOrThrow(store, personId);
	return store.db.delete(salesforceLinks).where(eq(salesforceLinks.personId, personId)).run().changes > 0;
}
