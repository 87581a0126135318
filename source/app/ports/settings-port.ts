import type {SettingsValues} from '../../core/setting-definitions.js';

/** The settings a use case reads, as the settings definitions type them. */
export type {SettingsValues} from '../../core/setting-definitions.js';

export type SettingsReader = {get: <K extends keyof SettingsValues>(key: K) => SettingsValues[K]};
