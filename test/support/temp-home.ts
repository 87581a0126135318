import {afterEach} from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh SALESSCREEN_HOME for one test, removed afterwards. */
export function makeTempHome(): {home: string; env: NodeJS.ProcessEnv; remove: () => void} {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-test-'));
	return {
		home,
		env: {...process.env, SALESSCREEN_HOME: home},
		remove() {
			fs.rmSync(home, {recursive: true, force: true});
		},
	};
}

/** Gives each call a fresh home, all of them removed after each test of the file that calls this. */
export function tempHomesPerTest(): () => ReturnType<typeof makeTempHome> {
	const made: Array<ReturnType<typeof makeTempHome>> = [];
	afterEach(() => {
		for (const temp of made.splice(0)) {
			temp.remove();
		}
	});
	return () => {
		const temp = makeTempHome();
		made.push(temp);
		return temp;
	};
}
