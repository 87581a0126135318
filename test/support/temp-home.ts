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
