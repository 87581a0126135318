import {settingNeedsAdmin} from '../core/setting-definitions.js';
import type {AdminGuard} from './admin-guard.js';
import type {SettingsStore, SettingsValues} from './ports/settings-port.js';

/** Changes a setting; one that changes what SalesScreen does (all but the view's own) is for admins. */
export async function changeSetting<K extends keyof SettingsValues>(ports: {guard: AdminGuard; settings: SettingsStore}, key: K, value: SettingsValues[K]): Promise<void> {
	if (settingNeedsAdmin(key)) {
		await ports.guard.require('settings');
	}

	ports.settings.set(key, value);
}
