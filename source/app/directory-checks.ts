import {DirectoryError} from '../core/directory-error.js';
import {checkOsLogin, checkPerson, type CheckedPerson, type PersonInput} from '../core/person-form.js';
import {checkTeamName} from '../core/team-name.js';
import {UniqueConflictError, type UniqueField} from '../core/unique-conflict.js';
import type {DirectoryReads, PersonRecord, TeamRecord} from './ports/directory-store.js';

/** The checks the directory use cases share: each refusal a DirectoryError in words. */

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

export function checkedTeamName(raw: string): {name: string; nameNormalised: string} {
	const checked = checkTeamName(raw);
	if (!checked.ok) {
		throw new DirectoryError(checked.reason);
	}

	return {name: checked.name, nameNormalised: checked.normalised};
}

export async function personOrThrow(reads: DirectoryReads, personId: number): Promise<PersonRecord> {
	const person = await reads.person(personId);
	if (person === undefined) {
		throw new DirectoryError('That person no longer exists.');
	}

	return person;
}

export async function teamOrThrow(reads: DirectoryReads, teamId: number): Promise<TeamRecord> {
	const team = await reads.team(teamId);
	if (team === undefined) {
		throw new DirectoryError('That team no longer exists; someone may have deleted it.');
	}

	return team;
}

/** Emails are unique without regard to case: say who has this one already. */
export async function refuseEmailTaken(reads: DirectoryReads, emailNormalised: string, exceptId?: number): Promise<void> {
	const other = await reads.personByEmail(emailNormalised);
	if (other !== undefined && other.id !== exceptId) {
		throw new DirectoryError(`${other.name} has that email already (${other.email}); emails are compared without case, so one person each.`);
	}
}

export async function refuseLoginTaken(reads: DirectoryReads, login: string, exceptId?: number): Promise<void> {
	const other = await reads.personByLogin(login);
	if (other !== undefined && other.id !== exceptId) {
		throw new DirectoryError(`${other.name} has the OS login "${login}" already.`);
	}
}

export async function refuseTeamNameTaken(reads: DirectoryReads, nameNormalised: string, exceptId?: number): Promise<void> {
	const other = await reads.teamByName(nameNormalised);
	if (other !== undefined && other.id !== exceptId) {
		throw new DirectoryError(`There is a team "${other.name}" already; team names are compared without case.`);
	}
}

/**
 * Runs a change whose checks passed; another writer may still take the value between the check and the
 * write, and the store's unique rule then refuses it: this says who has it now, as the check would have.
 */
export async function sayingWhoHasIt<T>(taken: Partial<Record<UniqueField, () => Promise<void>>>, change: () => Promise<T>): Promise<T> {
	try {
		return await change();
	} catch (error: unknown) {
		if (error instanceof UniqueConflictError) {
			await taken[error.field]?.();
		}

		throw error;
	}
}
