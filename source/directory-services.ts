import type {AdminAction} from './core/admin-policy.js';
import {normaliseTeamName} from './core/team-name.js';
import {previewTeamPlacement} from './core/team-placement.js';
import type {AppSettings} from './settings/settings.js';
import {grantAdmin} from './store/admin-grant.js';
import type {Store} from './store/database.js';
import {assertAdmin, operatorRights} from './store/operator-rights.js';
import {listPeople} from './store/people-query.js';
import {addPerson, setPersonActive, setPersonRole, unlinkPerson, updatePerson} from './store/person-edits.js';
import {personHistory} from './store/person-history-query.js';
import {assignTeam} from './store/team-assignment.js';
import {createTeam, deleteTeam, renameTeam} from './store/team-edits.js';
import {listTeams} from './store/teams-query.js';
import type {OperatorRightsQuery, PeopleActions, TeamActions} from './app/directory-actions.js';

/** The People and Teams screens' services over the store, each change behind the admin rule. */
export function directoryServices(store: Store, settings: AppSettings, operator: string): {operatorRights: OperatorRightsQuery; people: PeopleActions; teams: TeamActions} {
	const admin = (action: AdminAction) => assertAdmin(store, operator, action);
	return {
		operatorRights: () => operatorRights(store, operator),
		people: {
			list: () => listPeople(store),
			history: (personId) => personHistory(store, personId),
			add(input) {
				admin('people');
				return addPerson(store, input);
			},
			update(personId, input) {
				admin('people');
				updatePerson(store, personId, input);
			},
			setActive(personId, active) {
				const rights = admin('people');
				setPersonActive(store, personId, active, rights.person?.id);
			},
			setRole(personId, role, osLogin) {
				const rights = admin('admins');
				setPersonRole(store, personId, role, osLogin, rights.person?.id);
			},
			unlink(personId) {
				admin('people');
				return unlinkPerson(store, personId);
			},
			assignTeam(personIds, teamId) {
				admin('teams');
				return assignTeam(store, personIds, teamId);
			},
			becomeFirstAdmin(input) {
				// Open while the store has no admin (everyone may then), and to an admin updating their own name.
				admin('admins');
				grantAdmin(store, {login: operator, name: input.name, email: input.email});
			},
		},
		teams: {
			list: () => listTeams(store),
			create(name) {
				admin('teams');
				return createTeam(store, name);
			},
			rename(teamId, name) {
				admin('teams');
				renameTeam(store, teamId, name);
			},
			remove(teamId) {
				admin('teams');
				return deleteTeam(store, teamId);
			},
			previewPlacement(users) {
				const rule = settings.get('teamFromSalesforce');
				const existing = new Set(listTeams(store).map((team) => normaliseTeamName(team.name)));
				return {rule, ...previewTeamPlacement(users, rule, existing)};
			},
		},
	};
}
