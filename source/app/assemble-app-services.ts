import {countEntries} from '../core/import-plan.js';
import {appSettingKeys} from '../core/setting-definitions.js';
import type {AppServices, AppSettingsValues} from './app-services.js';
import type {SettingsReader} from './ports/settings-port.js';
import type {AppUseCases} from './run-use-cases.js';

/**
 * What the services take from the org side: the composition root opens it over the Salesforce adapter, a
 * screen test over users held in memory. `org` is read each time, since connecting moves to another org.
 */
export type OrgServices = Pick<
	AppServices,
	'org' | 'fetchUsers' | 'fetchOverview' | 'fetchActivityOwners' | 'lastSuccessfulCall' | 'onOrgChange' | 'connections' | 'describeError' | 'needsReconnect'
> & {
	/** Whether the org in use is known to be a sandbox, so previews match its emails without .invalid. */
	knownSandbox: () => boolean;
};

/** Where the app runs, as the screens name it. */
export type LocalFacts = Pick<AppServices, 'operator' | 'dataFolder' | 'store' | 'demoPeopleSeeded'>;

/** The screens' services: the app layer's use cases, and the org side, in the shape the UI asks for them. */
export function assembleAppServices(app: AppUseCases, settings: SettingsReader, org: OrgServices, local: LocalFacts): AppServices {
	return {
		get org() {
			return org.org;
		},
		...local,
		fetchUsers: org.fetchUsers,
		fetchOverview: org.fetchOverview,
		fetchActivityOwners: org.fetchActivityOwners,
		lastSuccessfulCall: org.lastSuccessfulCall,
		onOrgChange: org.onOrgChange,
		connections: org.connections,
		operatorRights: app.guard.rights,
		people: app.people,
		teams: app.teams,
		history: app.history,
		mappings: app.mappings,
		loadImportContext: async () => app.importContext(org.knownSandbox()),
		async importUsers(users, onProgress, options = {}) {
			const report = await app.importUsers.run(users, {onProgress, onWait: options.onWait, switchOrg: options.switchOrg});
			return {runId: report.runId!, counts: countEntries(report.entries), outcomes: report.entries, teams: report.teams, onNoTeam: report.onNoTeam};
		},
		lastAutomaticSync: app.history.lastAutomaticSync,
		readSettings: (): AppSettingsValues => Object.fromEntries(appSettingKeys.map((key) => [key, settings.get(key)])) as AppSettingsValues,
		writeSetting: app.changeSetting,
		describeError: org.describeError,
		needsReconnect: org.needsReconnect,
	};
}
