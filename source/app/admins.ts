import {assessOperator, lastAdminRefusal, type AdminEntry, type OperatorRights} from '../core/admin-policy.js';
import {DirectoryError} from '../core/directory-error.js';
import {checkedLogin, checkedPerson, personOrThrow, refuseEmailTaken, refuseLoginTaken, sayingWhoHasIt} from './directory-checks.js';
import type {DirectoryPorts} from './directory-context.js';
import type {DirectoryReads} from './ports/directory-store.js';
import type {RightsReader} from './ports/operator.js';

export type AdminGrant = {login: string; name?: string; email?: string};

export type GrantedAdmin = {id: number; name: string; email: string; login: string; created: boolean};

/** Whether the OS login may change things, read from the store as it is now (another admin may just have changed it). */
export async function rightsIn(reads: Pick<DirectoryReads, 'personByLogin' | 'listAdmins'>, login: string): Promise<OperatorRights> {
	const [person, admins] = await Promise.all([reads.personByLogin(login), reads.listAdmins()]);
	return assessOperator(login, person && {id: person.id, name: person.name, email: person.email, role: person.role, active: person.active}, admins);
}

/** The admin guard's reader of rights, over the directory store. */
export function directoryRights(reads: Pick<DirectoryReads, 'personByLogin' | 'listAdmins'>): RightsReader {
	return async (login) => rightsIn(reads, login);
}

/** Who may change things: active admins with an OS login, by name. Anyone may ask. */
export async function listAdmins(ports: Pick<DirectoryPorts, 'directory'>): Promise<AdminEntry[]> {
	return ports.directory.listAdmins();
}

/**
 * Makes the OS login an admin: the person who carries it already, or the person with the given email (who
 * then carries it), or a new person with the given name and email. For an admin, or anyone while the store
 * has none (that is how an install is set up).
 */
export async function grantAdmin(ports: DirectoryPorts, grant: AdminGrant): Promise<GrantedAdmin> {
	await ports.guard.require('admins');
	const login = checkedLogin(grant.login);
	const checked = grant.email === undefined ? undefined : checkedPerson({name: grant.name ?? 'unnamed', email: grant.email});
	const at = ports.clock.now().toISOString();
	const {directory} = ports;
	return sayingWhoHasIt(
		{
			email: async () => (checked === undefined ? undefined : refuseEmailTaken(directory, checked.emailNormalised)),
			osLogin: async () => refuseLoginTaken(directory, login),
		},
		async () =>
			directory.change(async (writes): Promise<GrantedAdmin> => {
				const byLogin = await writes.personByLogin(login);
				const byEmail = checked === undefined ? undefined : await writes.personByEmail(checked.emailNormalised);
				if (byLogin && byEmail && byLogin.id !== byEmail.id) {
					throw new DirectoryError(`The login "${login}" belongs to ${byLogin.name}, and ${byEmail.email} to ${byEmail.name}: give one person's email, or none.`);
				}

				if (byEmail && !byLogin && byEmail.osLogin !== null) {
					throw new DirectoryError(`${byEmail.name} (${byEmail.email}) has the OS login "${byEmail.osLogin}" already, not "${login}".`);
				}

				const target = byLogin ?? byEmail;
				if (target) {
					const name = grant.name === undefined ? target.name : checkedPerson({name: grant.name, email: target.email}).name;
					if (checked && checked.emailNormalised !== target.emailNormalised) {
						await refuseEmailTaken(writes, checked.emailNormalised, target.id);
					}

					await writes.updatePerson(
						target.id,
						{name, ...(checked ? {email: checked.email, emailNormalised: checked.emailNormalised} : {}), role: 'admin', active: true, osLogin: login},
						at,
					);
					return {id: target.id, name, email: checked?.email ?? target.email, login, created: false};
				}

				if (grant.name === undefined || checked === undefined) {
					throw new DirectoryError(`No person has the OS login "${login}" yet: give their name and email to add them.`);
				}

				const person = checkedPerson({name: grant.name, email: checked.email});
				const id = await writes.insertPerson({...person, role: 'admin', osLogin: login}, at);
				return {id, name: person.name, email: person.email, login, created: true};
			}),
	);
}

/**
 * Makes the person an admin (who needs the OS login they run the app as: given here, or theirs already) or a
 * member; the last admin cannot be made a member, and a deactivated person cannot be made an admin.
 */
export async function setRole(ports: DirectoryPorts, personId: number, role: 'admin' | 'member', rawLogin?: string): Promise<void> {
	const rights = await ports.guard.require('admins');
	const at = ports.clock.now().toISOString();
	const given = rawLogin === undefined || rawLogin.trim() === '' ? undefined : rawLogin.trim();
	const {directory} = ports;
	await sayingWhoHasIt({osLogin: async () => (given === undefined ? undefined : refuseLoginTaken(directory, given, personId))}, async () =>
		directory.change(async (writes) => {
			const person = await personOrThrow(writes, personId);
			if (role === 'member') {
				const refusal = lastAdminRefusal(await writes.listAdmins(), personId, false, rights.person?.id);
				if (refusal !== undefined) {
					throw new DirectoryError(refusal);
				}

				await writes.updatePerson(personId, {role}, at);
				return;
			}

			if (!person.active) {
				throw new DirectoryError(`${person.name} is deactivated; reactivate them first.`);
			}

			const adminLogin = given === undefined ? person.osLogin : checkedLogin(given);
			if (adminLogin === null) {
				throw new DirectoryError(`An admin needs the OS login they run salesscreen as; give ${person.name}'s.`);
			}

			await refuseLoginTaken(writes, adminLogin, personId);
			await writes.updatePerson(personId, {role, osLogin: adminLogin}, at);
		}),
	);
}
