import fs from 'node:fs';
import {afterAll, beforeAll} from 'vitest';
import {makeTempHome, tempHomesPerTest} from './temp-home.js';

type Home = {home: string; env: NodeJS.ProcessEnv};

/**
 * A data folder prepared once for the test file (before its first test, by `prepare`, which may run the
 * binary and assert on what it did), and a fresh copy of it for each test that asks: a test that starts
 * from, say, a store of imported people gets exactly that store without running the import again. The
 * copy is made with nothing holding the store open, so the SQLite file (and its log, if any) copies whole.
 * Each copy goes into a folder of its own (`into`, else a new temporary one), removed after the test.
 */
export function copiedHomePerTest<T extends object>(prepare: (template: Home) => Promise<T>): (into?: string) => Home & T {
	const tempHome = tempHomesPerTest();
	let template: (Home & {remove: () => void; prepared: T}) | undefined;
	beforeAll(async () => {
		const temp = makeTempHome();
		try {
			template = {...temp, prepared: await prepare(temp)};
		} catch (error: unknown) {
			temp.remove();
			throw error;
		}
	});
	afterAll(() => {
		template?.remove();
	});
	return (into) => {
		if (template === undefined) {
			throw new Error('The template data folder was not prepared (see the error of the file\'s set-up).');
		}

		const temp = tempHome();
		const home = into ?? temp.home;
		fs.cpSync(template.home, home, {recursive: true});
		return {...template.prepared, home, env: {...temp.env, SALESSCREEN_HOME: home}};
	};
}
