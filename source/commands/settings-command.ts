import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {openSettings} from '../settings/settings.js';
import {
	settingByCliName,
	settingDefinition,
	settingKeys,
	settingNeedsAdmin,
	SettingValueError,
	type SettingKey,
} from '../core/setting-definitions.js';
import {requireAdmin} from './require-admin.js';
import {UsageError} from './usage-error.js';

const cliKeys = settingKeys.filter((key) => settingDefinition(key).cli !== undefined);

function settingNamed(text: string): SettingKey {
	const key = settingByCliName(text);
	if (key === undefined) {
		throw new UsageError(`There is no setting "${text}". Settings: ${cliKeys.map((each) => settingDefinition(each).cli!.name).join(', ')}.`);
	}

	return key;
}

function parsed<K extends SettingKey>(key: K, text: string) {
	try {
		return settingDefinition(key).cli!.parse(text);
	} catch (error: unknown) {
		// A value a script got wrong is wrong usage: exit 2, as for a wrong name.
		throw error instanceof SettingValueError ? new UsageError(error.message) : error;
	}
}

/** `salesscreen settings get [KEY]` and `salesscreen settings set KEY VALUE`, with the Settings tab's effect. */
export async function settingsCommand(words: readonly string[], out: NodeJS.WritableStream): Promise<number> {
	const [action, name, value, ...rest] = words;
	const home = resolveAppHome();
	ensureAppHome(home);
	const settings = openSettings(home.home);
	const line = (key: SettingKey) => `${settingDefinition(key).cli!.name} ${settingDefinition(key).cli!.show(settings.get(key) as never)}\n`;
	if (action === 'get' && value === undefined) {
		for (const key of name === undefined ? cliKeys : [settingNamed(name)]) {
			out.write(line(key));
		}

		return 0;
	}

	if (action === 'set' && name !== undefined && value !== undefined && rest.length === 0) {
		const key = settingNamed(name);
		const parsedValue = parsed(key, value);
		if (settingNeedsAdmin(key)) {
			await requireAdmin('settings');
		}

		settings.set(key, parsedValue as never);
		out.write(line(key));
		return 0;
	}

	throw new UsageError('Use: salesscreen settings get [KEY], or salesscreen settings set KEY VALUE.');
}
