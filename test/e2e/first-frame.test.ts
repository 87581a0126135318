import {afterEach, describe, expect, it} from 'vitest';
import {startPtyApp} from '../support/pty-app.js';
import {makeTempHome} from '../support/temp-home.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) {
		cleanup();
	}
});

describe('the first frame', () => {
	it('is drawn before the session opens: "starting…" comes first, then the app', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		const app = startPtyApp(['--demo-users', '300'], {env: temp.env, columns: 80, rows: 24});
		cleanups.push(app.kill);
		await app.waitFor('Integrations');
		const output = app.output();
		const starting = output.indexOf('starting…');
		expect(starting).toBeGreaterThanOrEqual(0);
		// Nothing of the opened app (its sidebar, its header's org) was written before it.
		expect(output.indexOf('Integrations')).toBeGreaterThan(starting);
		expect(output.indexOf('DEMO ORG')).toBeGreaterThan(starting);
	});
});
