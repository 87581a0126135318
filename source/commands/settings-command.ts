import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {openSettings, type SettingsShape} from '../settings/settings.js';
import {UsageError} from './usage-error.js';

type SettingName = 'auto-sync' | 'page-size' | 'show-all-users';

/** The Settings tab's settings as a script names and writes them. */
const settingNames: Record<SettingName, {key: keyof SettingsShape; show: (value: never) => string; parse: (text: string) => SettingsShape[keyof SettingsShape]}> = {
	'auto-sync': {key: 'autoSync', show: (value: boolean) => (value ? 'on' : 'off'), parse: (text) => onOff(text, 'auto-sync')},
	'page-size': {
		key: 'pageSize',
		show: (value: number) => (value === 0 ? 'auto' : String(value)),
		parse(text) {
			if (text === 'auto') {
				return 0;
			}

			const size = Number(text);
			if (!Number.isInteger(size) || size < 1 || size > 500) {
				throw new UsageError(`page-size takes "auto" or a whole number from 1 to 500, not "${text}".`);
			}

			return size;
		},
	},
	'show-all-users': {key: 'showAllUsers', show: (value: boolean) => (value ? 'on' : 'off'), parse: (text) => onOff(text, 'show-all-users')},
};

function onOff(text: string, name: string): boolean {
	if (['on', 'true', 'yes'].includes(text)) {
		return true;
	}

	if (['off', 'false', 'no'].includes(text)) {
		return false;
	}

	throw new UsageError(`${name} takes on or off, not "${text}".`);
}

function settingName(text: string): SettingName {
	if (!(text in settingNames)) {
		throw new UsageError(`There is no setting "${text}". Settings: ${Object.keys(settingNames).join(', ')}.`);
	}

	return text as SettingName;
}

/** `salesscreen settings get [KEY]` and `salesscreen settings set KEY VALUE`, with the Settings tab's effect. */
export function settingsCommand(words: readonly string[], out: NodeJS.WritableStream): number {
	const [action, name, value, ...rest] = words;
	const home = resolveAppHome();
	ensureAppHome(home);
	const settings = openSettings(home.home);
	if (action === 'get' && value === undefined) {
		const names = name === undefined ? (Object.keys(settingNames) as SettingName[]) : [settingName(name)];
		for (const each of names) {
			const setting = settingNames[each];
			out.write(`${each} ${setting.show(settings.get(setting.key) as never)}\n`);
		}

		return 0;
	}

	if (action === 'set' && name !== undefined && value !== undefined && rest.length === 0) {
		const setting = settingNames[settingName(name)];
		settings.set(setting.key, setting.parse(value));
		out.write(`${name} ${setting.show(settings.get(setting.key) as never)}\n`);
		return 0;
	}

	throw new UsageError('Use: salesscreen settings get [KEY], or salesscreen settings set KEY VALUE.');
}
