import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {teamRules, type TeamRule} from '../core/team-placement.js';
import {openSettings, type SettingsShape} from '../settings/settings.js';
import {settingNeedsAdmin} from '../core/admin-policy.js';
import {requireAdmin} from './require-admin.js';
import {isFillOnMap, fillOnMapValues, type FillOnMap} from '../core/fill-on-map.js';
import {isSafeguardShare} from '../core/sync-safeguard.js';
import {parseSyncScope, SyncScopeError, type SyncScope} from '../core/sync-scope.js';
import {UsageError} from './usage-error.js';

type SettingName =
	| 'auto-sync'
	| 'page-size'
	| 'show-all-users'
	| 'team-from-salesforce'
	| 'sync-scope'
	| 'match-federation-id'
	| 'fill-on-map'
	| 'safeguard-share'
	| 'write-wait';

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
	'team-from-salesforce': {
		key: 'teamFromSalesforce',
		show: (value: TeamRule) => value,
		parse(text) {
			if (!(teamRules as readonly string[]).includes(text)) {
				throw new UsageError(`team-from-salesforce takes ${teamRules.join(', ')}, not "${text}".`);
			}

			return text as TeamRule;
		},
	},
	'sync-scope': {
		key: 'syncScope',
		show: (value: SyncScope) => JSON.stringify(value),
		parse(text) {
			let value: unknown;
			try {
				value = JSON.parse(text);
			} catch {
				throw new UsageError(`sync-scope takes JSON, e.g. '{"profiles":["Sales"],"activeOnly":true}', not ${text}.`);
			}

			try {
				// Keys left out take their defaults: the value given is the whole scope.
				return parseSyncScope(value);
			} catch (error: unknown) {
				throw error instanceof SyncScopeError ? new UsageError(error.message) : error;
			}
		},
	},
	'match-federation-id': {key: 'matchFederationId', show: (value: boolean) => (value ? 'on' : 'off'), parse: (text) => onOff(text, 'match-federation-id')},
	'fill-on-map': {
		key: 'fillOnMap',
		show: (value: FillOnMap) => value,
		parse(text) {
			if (!isFillOnMap(text)) {
				throw new UsageError(`fill-on-map takes ${fillOnMapValues.join(', ')}, not "${text}".`);
			}

			return text;
		},
	},
	'safeguard-share': {
		key: 'safeguardShare',
		show: (value: number) => `${Math.round(value * 1000) / 10}%`,
		parse(text) {
			const share = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
			if (text.trim() === '' || !isSafeguardShare(share)) {
				throw new UsageError(`safeguard-share takes a share of the linked people from 0 to 1 (or 0% to 100%), e.g. 0.2, not "${text}".`);
			}

			return share;
		},
	},
	'write-wait': {
		key: 'writeWaitSeconds',
		show: (value: number) => String(value),
		parse(text) {
			const seconds = Number(text);
			if (text.trim() === '' || !Number.isInteger(seconds) || seconds < 0 || seconds > 86_400) {
				throw new UsageError(`write-wait takes the seconds an import, sync or undo waits for another one to finish, from 0 to 86400, not "${text}".`);
			}

			return seconds;
		},
	},
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
		const parsed = setting.parse(value);
		if (settingNeedsAdmin(setting.key)) {
			requireAdmin('settings');
		}

		settings.set(setting.key, parsed);
		out.write(`${name} ${setting.show(settings.get(setting.key) as never)}\n`);
		return 0;
	}

	throw new UsageError('Use: salesscreen settings get [KEY], or salesscreen settings set KEY VALUE.');
}
