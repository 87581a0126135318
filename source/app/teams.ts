import type {TeamListing} from '../core/person.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {normaliseTeamName} from '../core/team-name.js';
import {previewTeamPlacement, type TeamPlacementPreview, type TeamRule} from '../core/team-placement.js';
import {checkedTeamName, refuseTeamNameTaken, sayingWhoHasIt, teamOrThrow} from './directory-checks.js';
import type {DirectoryPorts} from './directory-context.js';
import type {SettingsReader} from './ports/settings-port.js';

export type TeamActions = {
	list: () => Promise<TeamListing[]>;
	create: (name: string) => Promise<TeamListing>;
	rename: (teamId: number, name: string) => Promise<void>;
	/** Deletes the team; returns how many people it had, now on no team. */
	remove: (teamId: number) => Promise<number>;
	/** What the team-from-Salesforce setting would do to these users, with the teams there are now. */
	previewPlacement: (users: readonly SalesforceUser[]) => Promise<TeamPlacementPreview & {rule: TeamRule}>;
};

/** Teams: names unique without regard to case; deleting one leaves its people on no team. Changes are for admins. */
export function teams(ports: DirectoryPorts & {settings: SettingsReader}): TeamActions {
	const {directory, guard, clock} = ports;
	return {
		list: async () => directory.listTeams(),
		async create(rawName) {
			await guard.require('teams');
			const team = checkedTeamName(rawName);
			const id = await sayingWhoHasIt({teamName: async () => refuseTeamNameTaken(directory, team.nameNormalised)}, async () =>
				directory.change(async (writes) => {
					await refuseTeamNameTaken(writes, team.nameNormalised);
					return writes.insertTeam(team);
				}),
			);
			return {id, name: team.name, members: 0};
		},
		async rename(teamId, rawName) {
			await guard.require('teams');
			const team = checkedTeamName(rawName);
			await sayingWhoHasIt({teamName: async () => refuseTeamNameTaken(directory, team.nameNormalised, teamId)}, async () =>
				directory.change(async (writes) => {
					await teamOrThrow(writes, teamId);
					await refuseTeamNameTaken(writes, team.nameNormalised, teamId);
					await writes.renameTeam(teamId, team);
				}),
			);
		},
		async remove(teamId) {
			await guard.require('teams');
			return directory.change(async (writes) => {
				await teamOrThrow(writes, teamId);
				return writes.deleteTeam(teamId, clock.now().toISOString());
			});
		},
		async previewPlacement(users) {
			const rule = ports.settings.get('teamFromSalesforce');
			const existing = new Set((await directory.listTeams()).map((team) => normaliseTeamName(team.name)));
			return {rule, ...previewTeamPlacement(users, rule, existing)};
		},
	};
}
