import {eq} from 'drizzle-orm';
import {checkTeamName} from '../core/team-name.js';
import type {TeamListing} from '../core/person.js';
import type {Store} from './database.js';
import {DirectoryError, isUniqueViolation} from './directory-error.js';
import {people, teams} from './schema.js';

function checkedName(raw: string): {name: string; normalised: string} {
	const checked = checkTeamName(raw);
	if (!checked.ok) {
		throw new DirectoryError(checked.reason);
	}

	return checked;
}

function refuseTaken(store: Store, normalised: string, exceptId?: number): void {
	const other = store.db.select({id: teams.id, name: teams.name}).from(teams).where(eq(teams.nameNormalised, normalised)).get();
	if (other !== undefined && other.id !== exceptId) {
		throw new DirectoryError(`There is a team "${other.name}" already; team names are compared without case.`);
	}
}

function teamOrThrow(store: Store, teamId: number): {id: number; name: string} {
	const team = store.db.select({id: teams.id, name: teams.name}).from(teams).where(eq(teams.id, teamId)).get();
	if (team === undefined) {
		throw new DirectoryError('That team no longer exists; someone may have deleted it.');
	}

	return team;
}

// A second writer can take the name between our look and our write; the unique index then says so.
function writeUnique<T>(store: Store, normalised: string, write: () => T): T {
	try {
		return write();
	} catch (error: unknown) {
		if (isUniqueViolation(error)) {
			refuseTaken(store, normalised);
		}

		throw error;
	}
}

export function createTeam(store: Store, rawName: string): TeamListing {
	const {name, normalised} = checkedName(rawName);
	refuseTaken(store, normalised);
	const [row] = writeUnique(store, normalised, () => store.db.insert(teams).values({name, nameNormalised: normalised}).returning({id: teams.id}).all());
	return {id: row!.id, name, members: 0};
}

export function renameTeam(store: Store, teamId: number, rawName: string): void {
	const {name, normalised} = checkedName(rawName);
	teamOrThrow(store, teamId);
	refuseTaken(store, normalised, teamId);
	writeUnique(store, normalised, () => store.db.update(teams).set({name, nameNormalised: normalised}).where(eq(teams.id, teamId)).run());
}

/** Deletes the team; its people stay, on no team. Returns how many were moved off it. */
export function deleteTeam(store: Store, teamId: number): number {
	return store.sqlite
		.transaction(() => {
			teamOrThrow(store, teamId);
			// The foreign key would do this too; saying it here keeps the count and survives foreign keys being off.
			const moved = store.db.update(people).set({teamId: null, updatedAt: new Date().toISOString()}).where(eq(people.teamId, teamId)).run().changes;
			store.db.delete(teams).where(eq(teams.id, teamId)).run();
			return moved;
		})
		.immediate();
}

/** The id of each named team, creating those that do not exist yet; call inside a transaction. */
export function findOrCreateTeams(store: Store, names: readonly string[]): {ids: Map<string, number>; created: string[]} {
	const ids = new Map<string, number>();
	const created: string[] = [];
	for (const raw of names) {
		const {name, normalised} = checkedName(raw);
		if (ids.has(normalised)) {
			continue;
		}

		const existing = store.db.select({id: teams.id}).from(teams).where(eq(teams.nameNormalised, normalised)).get();
		if (existing) {
			ids.set(normalised, existing.id);
		} else {
			const [row] = store.db.insert(teams).values({name, nameNormalised: normalised}).returning({id: teams.id}).all();
			ids.set(normalised, row!.id);
			created.push(name);
		}
	}

	return {ids, created};
}
