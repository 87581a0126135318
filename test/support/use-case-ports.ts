import {adminGuard} from '../../source/app/admin-guard.js';
import {directoryRights} from '../../source/app/admins.js';
import type {DirectoryPorts} from '../../source/app/directory-context.js';
import {systemClock} from '../../source/app/ports/clock.js';
import type {SettingsValues} from '../../source/app/ports/settings-port.js';
import type {RunPorts} from '../../source/app/run-context.js';
import {describeError} from '../../source/session.js';
import {openSettings} from '../../source/settings/settings.js';
import {listedOrg, type ListedOrgOptions} from './app-ports.js';
import type {OpenedStore} from './store-engines.js';

export type AsOperator = {operator?: string; cron?: boolean; settings?: Partial<SettingsValues>; org?: ListedOrgOptions};

/**
 * The ports a use case is given, over an opened store of any engine, acting as one OS login (alice unless
 * told), with a real settings file in the store's folder and the org's users held in memory.
 */
export function useCasePorts(opened: OpenedStore, options: AsOperator = {}): DirectoryPorts & RunPorts & OpenedStore['ports'] {
	const settings = openSettings(opened.home);
	for (const [key, value] of Object.entries(options.settings ?? {})) {
		settings.set(key as keyof SettingsValues, value as never);
	}

	const operator = {login: options.operator ?? 'alice', runsAsDataFolderOwner: options.cron === true};
	return {
		...opened.ports,
		store: opened.ports.runs,
		salesforce: listedOrg(options.org),
		settings,
		clock: systemClock,
		operator,
		guard: adminGuard(operator, directoryRights(opened.ports.directory)),
		describeError,
	};
}
