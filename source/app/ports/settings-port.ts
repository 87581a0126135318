import type {SettingsValues} from '../../core/setting-definitions.js';

/** The settings a use case reads, as the settings definitions type them. */
export type {SettingsValues} from '../../core/setting-definitions.js';

export type SettingsReader = {get: <K extends keyof SettingsValues>(key: K) => SettingsValues[K]};

/** The settings, changed: saved before it returns. */
export type SettingsStore = SettingsReader & {
	// A method, so that a store of more settings than these (the adapter's) fits.
	set<K extends keyof SettingsValues>(key: K, value: SettingsValues[K]): void;
};
