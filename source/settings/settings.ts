import path from 'node:path';
import Conf, {type Schema} from 'conf';
import {fileModeFor} from '../app-home.js';
import {settingDefinitions, settingKeys, type SettingsShape} from '../core/setting-definitions.js';

export type {SettingsShape} from '../core/setting-definitions.js';

export type AppSettings = {
	get<K extends keyof SettingsShape>(key: K): SettingsShape[K];
	set<K extends keyof SettingsShape>(key: K, value: SettingsShape[K]): void;
	path: string;
};

/** The settings file cannot be read; it is left exactly as it is. */
export class SettingsFileError extends Error {
	override name = 'SettingsFileError';
}

// The file's JSON Schema, each setting's default beside it, from the one table of settings.
const schema = Object.fromEntries(
	settingKeys.map((key) => [key, {...settingDefinitions[key].schema, default: settingDefinitions[key].default}]),
) as unknown as Schema<SettingsShape>;

export function openSettings(home: string): AppSettings {
	const file = path.join(home, 'settings.json');
	let store: Conf<SettingsShape>;
	try {
		// clearInvalidConfig stays off: conf would otherwise replace a broken file with defaults and lose it.
		store = new Conf<SettingsShape>({cwd: home, configName: 'settings', schema, configFileMode: fileModeFor(home), clearInvalidConfig: false, projectSuffix: ''});
	} catch (error: unknown) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new SettingsFileError(
			`The settings file ${file} cannot be read (${reason}). It was left as it is: fix it, or move it aside to start with default settings.`,
		);
	}

	return {
		path: store.path,
		get: (key) => store.get(key),
		set(key, value) {
			try {
				store.set(key, value);
			} catch (error: unknown) {
				const reason = error instanceof Error ? error.message : String(error);
				throw new SettingsFileError(`The setting ${key} was not saved: ${reason}`);
			}
		},
	};
}
