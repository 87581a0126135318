import {lastAdminRefusal} from '../core/admin-policy.js';
import {DirectoryError} from '../core/directory-error.js';
import type {PersonInput} from '../core/person-form.js';
import type {PersonHistoryEntry, PersonListing} from '../core/person.js';
import {grantAdmin, setRole} from './admins.js';
import {checkedPerson, personOrThrow, refuseEmailTaken, sayingWhoHasIt, teamOrThrow} from './directory-checks.js';
import type {DirectoryPorts} from './directory-context.js';

/**
 * SalesScreen's people, for the People screen. Every change checks the admin rule first (a NotAdminError),
 * then its own rules inside one change of the store (a DirectoryError for a refused value); both messages
 * are shown as they are.
 */
export type PeopleActions = {
	list: () => Promise<PersonListing[]>;
	history: (personId: number) => Promise<PersonHistoryEntry[]>;
	/** Returns the new person's id. */
	add: (input: PersonInput) => Promise<number>;
	update: (personId: number, input: PersonInput) => Promise<void>;
	setActive: (personId: number, active: boolean) => Promise<void>;
	/** An admin needs an OS login: the one given, or theirs already. */
	setRole: (personId: number, role: 'admin' | 'member', osLogin?: string) => Promise<void>;
	/** Returns false when the person was not linked. */
	unlink: (personId: number) => Promise<boolean>;
	/** null puts them on no team; returns how many were moved. */
	assignTeam: (personIds: readonly number[], teamId: number | null) => Promise<number>;
	/** The operator becomes an admin under this name and email; offered while the store has none. */
	becomeFirstAdmin: (input: PersonInput) => Promise<void>;
};

/** People: list, add, change, (de)activate, unlink, put on teams; the admin role through the admins use case. */
export function people(ports: DirectoryPorts): PeopleActions {
	const {directory, guard, clock} = ports;
	const at = () => clock.now().toISOString();
	return {
		list: async () => directory.listPeople(),
		history: async (personId) => directory.personHistory(personId),
		async add(input) {
			await guard.require('people');
			const person = checkedPerson(input);
			return sayingWhoHasIt({email: async () => refuseEmailTaken(directory, person.emailNormalised)}, async () =>
				directory.change(async (writes) => {
					await refuseEmailTaken(writes, person.emailNormalised);
					return writes.insertPerson({...person, role: 'member', osLogin: null}, at());
				}),
			);
		},
		async update(personId, input) {
			await guard.require('people');
			const person = checkedPerson(input);
			await sayingWhoHasIt({email: async () => refuseEmailTaken(directory, person.emailNormalised, personId)}, async () =>
				directory.change(async (writes) => {
					await personOrThrow(writes, personId);
					await refuseEmailTaken(writes, person.emailNormalised, personId);
					await writes.updatePerson(personId, person, at());
				}),
			);
		},
		async setActive(personId, active) {
			const rights = await guard.require('people');
			await directory.change(async (writes) => {
				await personOrThrow(writes, personId);
				// The last admin cannot be deactivated: a store that has admins never ends up with none.
				const refusal = active ? undefined : lastAdminRefusal(await writes.listAdmins(), personId, false, rights.person?.id);
				if (refusal !== undefined) {
					throw new DirectoryError(refusal);
				}

				await writes.updatePerson(personId, {active}, at());
			});
		},
		setRole: async (personId, role, osLogin) => setRole(ports, personId, role, osLogin),
		async unlink(personId) {
			await guard.require('people');
			return directory.change(async (writes) => {
				await personOrThrow(writes, personId);
				return writes.unlinkPerson(personId);
			});
		},
		async assignTeam(personIds, teamId) {
			await guard.require('teams');
			if (personIds.length === 0) {
				return 0;
			}

			return directory.change(async (writes) => {
				if (teamId !== null) {
					await teamOrThrow(writes, teamId);
				}

				return writes.assignTeam(personIds, teamId, at());
			});
		},
		async becomeFirstAdmin(input) {
			// Open while the store has no admin (everyone may then), and to an admin updating their own name.
			await grantAdmin(ports, {login: ports.operator.login, name: input.name, email: input.email});
		},
	};
}
