import type {OperatorRights} from '../core/admin-policy.js';
import type {PersonInput} from '../core/person-form.js';
import type {PersonHistoryEntry, PersonListing, TeamListing} from '../core/person.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import type {TeamPlacementPreview, TeamRule} from '../core/team-placement.js';

export type {OperatorRights} from '../core/admin-policy.js';
export type {PersonInput} from '../core/person-form.js';
export type {PersonHistoryEntry, PersonListing, TeamListing} from '../core/person.js';
export type {TeamPlacement, TeamPlacementPreview, TeamRule} from '../core/team-placement.js';

/**
 * SalesScreen's people, for the People screen. Every change checks the admin rule first and throws a
 * NotAdminError (or a DirectoryError for a refused value) whose message the screen shows as it is.
 */
export type PeopleActions = {
	list: () => PersonListing[];
	history: (personId: number) => PersonHistoryEntry[];
	/** Returns the new person's id. */
	add: (input: PersonInput) => number;
	update: (personId: number, input: PersonInput) => void;
	setActive: (personId: number, active: boolean) => void;
	/** An admin needs an OS login: the one given, or theirs already. */
	setRole: (personId: number, role: 'admin' | 'member', osLogin?: string) => void;
	/** Returns false when the person was not linked. */
	unlink: (personId: number) => boolean;
	/** null puts them on no team; returns how many were moved. */
	assignTeam: (personIds: readonly number[], teamId: number | null) => number;
	/** The operator becomes an admin under this name and email; offered while the store has none. */
	becomeFirstAdmin: (input: PersonInput) => void;
};

export type TeamActions = {
	list: () => TeamListing[];
	create: (name: string) => TeamListing;
	rename: (teamId: number, name: string) => void;
	/** Deletes the team; returns how many people it had, now on no team. */
	remove: (teamId: number) => number;
	/** What the team-from-Salesforce setting would do to these users, with the teams there are now. */
	previewPlacement: (users: readonly SalesforceUser[]) => TeamPlacementPreview & {rule: TeamRule};
};

/** Whether the operator may change things, read afresh each call: another admin may have just changed it. */
export type OperatorRightsQuery = () => OperatorRights;
