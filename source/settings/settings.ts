import path from 'node:path';
import Conf from 'conf';
import {fileModeFor} from '../app-home.js';
import type {TeamRule} from '../core/team-placement.js';
import {fillOnMapValues, type FillOnMap} from '../core/fill-on-map.js';
import {defaultSafeguardShare} from '../core/sync-safeguard.js';
import {defaultSyncScope, maxActivityDays, salesObjects, type SyncScope} from '../core/sync-scope.js';

/** Every setting of the Settings tab. */
export type SettingsShape = {
	autoSync: boolean;
	/** 0 fits the page to the terminal. */
	pageSize: number;
	showAllUsers: boolean;
	/** Put imported people on a team named after their Salesforce role or department; off by default. */
	teamFromSalesforce: TeamRule;
	/** Which Salesforce users automatic sync takes (an empty list accepts any). */
	syncScope: SyncScope;
	/** When the email finds nobody, map by FederationIdentifier to a person's federation id. */
	matchFederationId: boolean;
	/** Fields of a mapped person overwritten from Salesforce. */
	fillOnMap: FillOnMap;
	/** The share (0–1) of linked people one automatic run may deactivate before it is held. */
	safeguardShare: number;
	/** How long an import, sync or undo waits for another one to finish before it gives up, in seconds. */
	writeWaitSeconds: number;
	/** A PostgreSQL URL (without its password) every command uses instead of the SQLite file; '' for the file. */
	databaseUrl: string;
};

export type AppSettings = {
	get<K extends keyof SettingsShape>(key: K): SettingsShape[K];
	set<K extends keyof SettingsShape>(key: K, value: SettingsShape[K]): void;
	path: string;
};

/** The settings file cannot be read; it is left exactly as it is. */
export class SettingsFileError extends Error {
	override name = 'SettingsFileError';
}

const schema = {
	autoSync: {type: 'boolean', default: false},
	pageSize: {type: 'integer', minimum: 0, maximum: 500, default: 0},
	showAllUsers: {type: 'boolean', default: false},
	teamFromSalesforce: {type: 'string', enum: ['off', 'role', 'department'], default: 'off'},
	syncScope: {
		type: 'object',
		properties: {
			profiles: {type: 'array', items: {type: 'string', minLength: 1}},
			roles: {type: 'array', items: {type: 'string', minLength: 1}},
			departments: {type: 'array', items: {type: 'string', minLength: 1}},
			userTypes: {type: 'array', items: {type: 'string', minLength: 1}},
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
		default: defaultSyncScope,
	},
	matchFederationId: {type: 'boolean', default: false},
	fillOnMap: {type: 'string', enum: fillOnMapValues, default: 'none'},
	safeguardShare: {type: 'number', minimum: 0, maximum: 1, default: defaultSafeguardShare},
	writeWaitSeconds: {type: 'integer', minimum: 0, maximum: 86_400, default: 300},
	databaseUrl: {type: 'string', default: ''},
} as const;

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
