import {fillOnMapValues, type FillOnMap} from './fill-on-map.js';
import {defaultSafeguardShare, isSafeguardShare} from './sync-safeguard.js';
import {defaultSyncScope, describeSyncScope, maxActivityDays, parseSyncScope, salesObjects, SyncScopeError, type SyncScope} from './sync-scope.js';
import {checkTeamName} from './team-name.js';
import {teamRules, type TeamRule} from './team-placement.js';
import {UserFacingError} from './user-facing-error.js';

/** A value a script gave for a setting is not one it takes; the message says what it takes. */
export class SettingValueError extends UserFacingError {
	override name = 'SettingValueError';
}

/**
 * One setting, defined once: how the settings file keeps it, what a script calls it and writes, and how the
 * Settings tab shows it. The file, `salesscreen settings`, its help and the tab are all read from here.
 */
export type SettingDefinition<T> = {
	/** The JSON Schema of the value in settings.json (the default is added from `default`). */
	schema: Readonly<Record<string, unknown>>;
	default: T;
	/** Changes only what is listed, so anyone may change it; every other setting changes what SalesScreen does and is for admins. */
	viewOnly?: true;
	/** How `salesscreen settings get|set` names, reads and prints it; left out: not set that way. */
	cli?: {
		name: string;
		/** What it takes, for the help: `on | off`. */
		values: string;
		/** What it does, for the help, with its default. */
		help: string;
		parse(text: string): T;
		show(value: T): string;
	};
	/** Its row on the Settings tab; left out: not on the tab. */
	tab?: {
		title: string;
		show(value: T): string;
		explain(value: T): string;
		/** The values Enter steps through; left out: the row opens an editor of its own. */
		choices?: readonly T[];
	};
};

function defineSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
	return definition;
}

function onOff(name: string) {
	return {
		values: 'on | off',
		parse(text: string): boolean {
			if (['on', 'true', 'yes'].includes(text)) {
				return true;
			}

			if (['off', 'false', 'no'].includes(text)) {
				return false;
			}

			throw new SettingValueError(`${name} takes on or off, not "${text}".`);
		},
		show: (value: boolean) => (value ? 'on' : 'off'),
	};
}

function oneOf<T extends string>(name: string, values: readonly T[]) {
	return {
		values: values.join(' | '),
		parse(text: string): T {
			if (!(values as readonly string[]).includes(text)) {
				throw new SettingValueError(`${name} takes ${values.join(', ')}, not "${text}".`);
			}

			return text as T;
		},
		show: (value: T) => value,
	};
}

const onOffWords = (value: boolean) => (value ? 'on' : 'off');
const fillWords: Record<FillOnMap, string> = {none: 'nothing', name: 'name', title: 'title', 'name-title': 'name and title'};
const maxWriteWaitSeconds = 86_400;
const listOfNames = {type: 'array', items: {type: 'string', minLength: 1}} as const;

/** Every setting in settings.json, in the order `salesscreen settings get` prints them. */
export const settingDefinitions = {
	autoSync: defineSetting<boolean>({
		schema: {type: 'boolean'},
		default: false,
		cli: {name: 'auto-sync', help: 'Automatically sync users (default off)', ...onOff('auto-sync')},
		tab: {
			title: 'Automatically sync users',
			show: onOffWords,
			explain: (on) =>
				on ? 'The sync command (cron or a systemd timer) imports eligible Salesforce users.' : 'Nothing is imported unless an admin runs Import users.',
			choices: [false, true],
		},
	}),
	/** 0 fits the page to the terminal. */
	pageSize: defineSetting<number>({
		schema: {type: 'integer', minimum: 0, maximum: 500},
		default: 0,
		viewOnly: true,
		cli: {
			name: 'page-size',
			values: 'auto | 1–500',
			help: 'Users per page (default auto: fit the terminal)',
			parse(text) {
				if (text === 'auto') {
					return 0;
				}

				const size = Number(text);
				if (!Number.isInteger(size) || size < 1 || size > 500) {
					throw new SettingValueError(`page-size takes "auto" or a whole number from 1 to 500, not "${text}".`);
				}

				return size;
			},
			show: (value) => (value === 0 ? 'auto' : String(value)),
		},
		tab: {
			title: 'Users per page',
			show: (value) => (value === 0 ? 'fit the terminal' : String(value)),
			explain: () => 'How many users the Users tab shows on one page.',
			choices: [0, 10, 25, 50, 100],
		},
	}),
	showAllUsers: defineSetting<boolean>({
		schema: {type: 'boolean'},
		default: false,
		viewOnly: true,
		cli: {name: 'show-all-users', help: 'List inactive and non-Standard users too (default off)', ...onOff('show-all-users')},
		tab: {
			title: 'List inactive and non-Standard users',
			show: (value) => (value ? 'yes' : 'no'),
			explain: () => 'Off lists only active Standard users, the ones Import users can bring in.',
			choices: [false, true],
		},
	}),
	/** Put imported people on a team named after their Salesforce role or department; off by default. */
	teamFromSalesforce: defineSetting<TeamRule>({
		schema: {type: 'string', enum: teamRules},
		default: 'off',
		cli: {
			name: 'team-from-salesforce',
			help: 'Put imported people on a team named after their Salesforce role or department, creating it (default off)',
			...oneOf('team-from-salesforce', teamRules),
		},
	}),
	/**
	 * The team sync puts the people it creates or maps on when they are on no team after the team-from-Salesforce
	 * rule: SalesScreen counts nobody's sales activity off a team. Kept by name, so that a script can set it and
	 * the settings file needs no store; a team of that name is created when there is none. '' is none.
	 */
	defaultTeam: defineSetting<string>({
		schema: {type: 'string'},
		default: '',
		cli: {
			name: 'default-team',
			values: 'NAME | none',
			help: 'The team sync puts the people it creates or maps on when no other rule placed them, created when missing (default none)',
			parse(text) {
				const name = text.trim().replaceAll(/\s+/g, ' ');
				if (name.toLowerCase() === 'none' || name === '') {
					return '';
				}

				const check = checkTeamName(name);
				if (!check.ok) {
					throw new SettingValueError(`default-team takes a team's name, or none: ${check.reason}`);
				}

				return check.name;
			},
			show: (value) => value || 'none',
		},
		tab: {
			title: 'Team for people sync brings in',
			show: (value) => value || 'none',
			explain: (value) =>
				value
					? `Sync puts the people it creates or maps on ${value} unless another rule placed them. Enter picks another.`
					: 'None: people sync brings in are on no team, and their sales activity is not counted. Enter picks one.',
		},
	}),
	/** Which Salesforce users automatic sync takes (an empty list accepts any). */
	syncScope: defineSetting<SyncScope>({
		schema: {
			type: 'object',
			properties: {
				profiles: listOfNames,
				roles: listOfNames,
				departments: listOfNames,
				userTypes: listOfNames,
				activeOnly: {type: 'boolean'},
				// Left out by settings files written before the activity scope: off.
				activity: {
					type: ['object', 'null'],
					properties: {
						objects: {type: 'array', minItems: 1, items: {type: 'string', enum: salesObjects}},
						days: {type: 'integer', minimum: 1, maximum: maxActivityDays},
					},
					required: ['objects', 'days'],
					additionalProperties: false,
				},
			},
			required: ['profiles', 'roles', 'departments', 'userTypes', 'activeOnly'],
			additionalProperties: false,
		},
		default: defaultSyncScope,
		cli: {
			name: 'sync-scope',
			values: 'JSON',
			help: `Which users automatic sync takes; keys left out take their defaults; an empty list means any (default ${JSON.stringify(defaultSyncScope)})`,
			parse(text) {
				let value: unknown;
				try {
					value = JSON.parse(text);
				} catch {
					throw new SettingValueError(`sync-scope takes JSON, e.g. '{"profiles":["Sales"],"activeOnly":true}', not ${text}.`);
				}

				try {
					// Keys left out take their defaults: the value given is the whole scope.
					return parseSyncScope(value);
				} catch (error: unknown) {
					throw error instanceof SyncScopeError ? new SettingValueError(error.message) : error;
				}
			},
			show: (value) => JSON.stringify(value),
		},
		tab: {
			title: 'Users automatic sync takes',
			show: describeSyncScope,
			explain: () => 'Enter chooses sales activity, profiles, roles, departments, user types.',
		},
	}),
	/** When the email finds nobody, map by FederationIdentifier to a person's federation id. */
	matchFederationId: defineSetting<boolean>({
		schema: {type: 'boolean'},
		default: false,
		cli: {
			name: 'match-federation-id',
			help: "When the email finds nobody, map to the person whose federation id is the user's FederationIdentifier (default off)",
			...onOff('match-federation-id'),
		},
		tab: {
			title: 'Also match by FederationIdentifier',
			show: onOffWords,
			explain: () => 'When no person has the email, map to the person whose federation id matches.',
			choices: [false, true],
		},
	}),
	/** Fields of a mapped person overwritten from Salesforce. */
	fillOnMap: defineSetting<FillOnMap>({
		schema: {type: 'string', enum: fillOnMapValues},
		default: 'none',
		cli: {
			name: 'fill-on-map',
			help: "A mapped person's fields overwritten from Salesforce (default none)",
			...oneOf('fill-on-map', fillOnMapValues),
		},
		tab: {
			title: 'When mapping, overwrite from Salesforce',
			show: (value) => fillWords[value],
			explain: () => "A mapped person's other data is never touched.",
			choices: fillOnMapValues,
		},
	}),
	/** The share (0–1) of linked people one automatic run may deactivate before it is held. */
	safeguardShare: defineSetting<number>({
		schema: {type: 'number', minimum: 0, maximum: 1},
		default: defaultSafeguardShare,
		cli: {
			name: 'safeguard-share',
			values: '0–1 or N%',
			help: `Hold an automatic run that would make more than this share of the linked people inactive (default ${defaultSafeguardShare})`,
			parse(text) {
				const share = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
				if (text.trim() === '' || !isSafeguardShare(share)) {
					throw new SettingValueError(`safeguard-share takes a share of the linked people from 0 to 1 (or 0% to 100%), e.g. 0.2, not "${text}".`);
				}

				return share;
			},
			show: (value) => `${Math.round(value * 1000) / 10}%`,
		},
		tab: {
			title: 'Hold a sync that would deactivate more than',
			show: (value) => `${Math.round(value * 100)}% of linked people`,
			explain: () => 'Such a run changes nothing until an admin releases it (History tab, R).',
			choices: [0.05, 0.1, 0.2, 0.3, 0.5, 1],
		},
	}),
	/** How long an import, sync or undo waits for another one to finish before it gives up, in seconds. */
	writeWaitSeconds: defineSetting<number>({
		schema: {type: 'integer', minimum: 0, maximum: maxWriteWaitSeconds},
		default: 300,
		cli: {
			name: 'write-wait',
			values: '0–86400',
			help: 'Seconds an import, sync or undo waits for another one to finish before it gives up (default 300)',
			parse(text) {
				const seconds = Number(text);
				if (text.trim() === '' || !Number.isInteger(seconds) || seconds < 0 || seconds > maxWriteWaitSeconds) {
					throw new SettingValueError(
						`write-wait takes the seconds an import, sync or undo waits for another one to finish, from 0 to ${maxWriteWaitSeconds}, not "${text}".`,
					);
				}

				return seconds;
			},
			show: (value) => String(value),
		},
	}),
	/** A PostgreSQL URL (without its password) every command uses instead of the SQLite file; '' for the file. Set by `db use`. */
	databaseUrl: defineSetting<string>({schema: {type: 'string'}, default: ''}),
};

type ValueOf<D> = D extends SettingDefinition<infer T> ? T : never;

export type SettingKey = keyof typeof settingDefinitions;

/** Every setting in settings.json, typed from its definition. */
export type SettingsShape = {[K in SettingKey]: ValueOf<(typeof settingDefinitions)[K]>};

/** The settings the app and its use cases read: all but where the store lives, which is chosen before any of them runs. */
export type SettingsValues = Omit<SettingsShape, 'databaseUrl'>;

export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

export const appSettingKeys = settingKeys.filter((key): key is keyof SettingsValues => key !== 'databaseUrl');

/** The definition of one setting, typed by its key. */
export function settingDefinition<K extends SettingKey>(key: K): SettingDefinition<SettingsShape[K]> {
	return settingDefinitions[key] as unknown as SettingDefinition<SettingsShape[K]>;
}

/** Whether changing the setting is for admins: all but those that only change what is listed. */
export function settingNeedsAdmin(key: SettingKey): boolean {
	return settingDefinitions[key].viewOnly !== true;
}

/** The settings a script may name, by that name. */
export function settingByCliName(name: string): SettingKey | undefined {
	return settingKeys.find((key) => settingDefinitions[key].cli?.name === name);
}
