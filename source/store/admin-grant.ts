import {eq} from 'drizzle-orm';
import type {Store} from './database.js';
import {DirectoryError} from './directory-error.js';
import {checkedLogin, checkedPerson, refuseEmailTaken} from './person-edits.js';
import {people} from './schema.js';

export type AdminGrant = {login: string; name?: string; email?: string};

export type GrantedAdmin = {id: number; name: string; email: string; login: string; created: boolean};

/**
 * Makes the OS login an admin: the person who carries it already, or the person with the given email
 * (who then carries it), or a new person with the given name and email.
 */
export function grantAdmin(store: Store, grant: AdminGrant): GrantedAdmin {
	const login = checkedLogin(grant.login);
	return store.sqlite
		.transaction((): GrantedAdmin => {
			const checked = grant.email === undefined ? undefined : checkedPerson({name: grant.name ?? 'unnamed', email: grant.email});
			const byLogin = store.db.select().from(people).where(eq(people.osLogin, login)).get();
			const byEmail = checked === undefined ? undefined : store.db.select().from(people).where(eq(people.emailNormalised, checked.emailNormalised)).get();
			if (byLogin && byEmail && byLogin.id !== byEmail.id) {
				throw new DirectoryError(`The login "${login}" belongs to ${byLogin.name}, and ${byEmail.email} to ${byEmail.name}: give one person's email, or none.`);
			}

			if (byEmail && !byLogin && byEmail.osLogin !== null) {
				throw new DirectoryError(`${byEmail.name} (${byEmail.email}) has the OS login "${byEmail.osLogin}" already, not "${login}".`);
			}

			const target = byLogin ?? byEmail;
			const now = new Date().toISOString();
			if (target) {
				const name = grant.name === undefined ? target.name : checkedPerson({name: grant.name, email: target.email}).name;
				if (checked && checked.emailNormalised !== target.emailNormalised) {
					refuseEmailTaken(store, checked.emailNormalised, target.id);
				}

				store.db
					.update(people)
					.set({
						name,
						...(checked ? {email: checked.email, emailNormalised: checked.emailNormalised} : {}),
						role: 'admin',
						active: true,
						osLogin: login,
						updatedAt: now,
					})
					.where(eq(people.id, target.id))
					.run();
				return {id: target.id, name, email: checked?.email ?? target.email, login, created: false};
			}

			if (grant.name === undefined || checked === undefined) {
				throw new DirectoryError(`No person has the OS login "${login}" yet: give their name and email to add them.`);
			}

			const person = checkedPerson({name: grant.name, email: checked.email});
			const [row] = store.db
				.insert(people)
				.values({...person, role: 'admin', osLogin: login, origin: 'manual'})
				.returning({id: people.id})
				.all();
			return {id: row!.id, name: person.name, email: person.email, login, created: true};
		})
		.immediate();
}
