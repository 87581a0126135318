import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openSettings, SettingsFileError} from '../../source/settings/settings.js';
import {appSettingKeys, settingDefinition, settingKeys} from '../../source/core/setting-definitions.js';
import {makeTempHome} from '../support/temp-home.js';

const disposers: Array<() => void> = [];
afterEach(() => {
	for (const dispose of disposers.splice(0)) {
		dispose();
	}
});

function home(): string {
	const temp = makeTempHome();
	disposers.push(temp.remove);
	return temp.home;
}

describe('settings', () => {
	it('starts with automatic sync off and pages that fit the terminal', () => {
		const settings = openSettings(home());
		expect(settings.get('autoSync')).toBe(false);
		expect(settings.get('pageSize')).toBe(0);
		expect(settings.get('showAllUsers')).toBe(false);
	});

	it('keeps what was set across runs, in a file readable by its owner only', () => {
		const folder = home();
		openSettings(folder).set('autoSync', true);
		openSettings(folder).set('pageSize', 25);
		const again = openSettings(folder);
		expect(again.get('autoSync')).toBe(true);
		expect(again.get('pageSize')).toBe(25);
		expect(again.path).toBe(path.join(folder, 'settings.json'));
		expect(fs.statSync(again.path).mode & 0o777).toBe(0o600);
	});

	it('refuses a value outside the schema and keeps the old one', () => {
		const settings = openSettings(home());
		expect(() => {
			settings.set('pageSize', 9999);
		}).toThrow(SettingsFileError);
		expect(settings.get('pageSize')).toBe(0);
	});

	it.each([
		['not JSON', '{"autoSync": tru'],
		['a value of the wrong type', '{"autoSync": "yes please"}'],
	])('reports a settings file holding %s with its path, and leaves the file as it was', (_what, content) => {
		const folder = home();
		const file = path.join(folder, 'settings.json');
		fs.writeFileSync(file, content);
		let failure: unknown;
		try {
			openSettings(folder);
		} catch (error: unknown) {
			failure = error;
		}

		expect(failure).toBeInstanceOf(SettingsFileError);
		expect((failure as Error).message).toContain(file);
		expect(fs.readFileSync(file, 'utf8')).toBe(content);
	});
});

describe('each setting, defined once', () => {
	it('reads back what `settings get` prints, and the file takes every value the tab steps through', () => {
		const settings = openSettings(home());
		for (const key of settingKeys) {
			const {cli, tab} = settingDefinition(key);
			if (cli) {
				expect(cli.parse(cli.show(settings.get(key) as never)), cli.name).toEqual(settings.get(key));
			}

			for (const choice of tab?.choices ?? []) {
				settings.set(key, choice as never);
				expect(settings.get(key), `${key} ${String(choice)}`).toEqual(choice);
			}
		}
	});

	it('names every setting a script may set once, and keeps where the store lives out of the app', () => {
		const names = settingKeys.flatMap((key) => settingDefinition(key).cli?.name ?? []);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toContain('write-wait');
		expect(appSettingKeys).not.toContain('databaseUrl');
	});
});
