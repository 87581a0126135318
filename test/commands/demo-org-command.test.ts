import {Connection} from 'jsforce';
import {describe, expect, it} from 'vitest';
import {startDemoOrgProcess} from '../support/run-cli.js';
import {makeTempHome} from '../support/temp-home.js';

describe('salesscreen demo-org', () => {
	it('prints one JSON line once listening, serves jsforce, and stops on SIGTERM', async () => {
		const temp = makeTempHome();
		const org = await startDemoOrgProcess(['--users', '50', '--seed', '3'], temp.env);
		try {
			const {instanceUrl, accessToken} = JSON.parse(org.line) as {instanceUrl: string; accessToken: string};
			expect(instanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			const connection = new Connection({instanceUrl, accessToken, version: '62.0'});
			const result = await connection.query<{Id: string}>('SELECT Id FROM User');
			expect(result.totalSize).toBe(50);
		} finally {
			org.stop();
			await org.closed;
			temp.remove();
		}
	});
});
