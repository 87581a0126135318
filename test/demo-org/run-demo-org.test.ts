import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {runDemoOrg} from '../../source/demo-org/run-demo-org.js';

function capture() {
	const stream = new PassThrough();
	let text = '';
	stream.on('data', (chunk: Buffer) => {
		text += chunk.toString();
	});
	return {stream, text: () => text};
}

describe('runDemoOrg', () => {
	it('prints exactly one JSON line with the instance URL and access token', async () => {
		const out = capture();
		const org = await runDemoOrg({users: 10, json: true}, out.stream);
		try {
			const lines = out.text().split('\n');
			expect(lines).toHaveLength(2);
			expect(lines[1]).toBe('');
			expect(JSON.parse(lines[0]!)).toEqual({instanceUrl: org.instanceUrl, accessToken: org.accessToken});
			const response = await fetch(`${org.instanceUrl}/services/data/v62.0/query?q=SELECT+COUNT()+FROM+User`, {
				headers: {Authorization: `Bearer ${org.accessToken}`},
			});
			expect(await response.json()).toEqual({totalSize: 10, done: true, records: []});
		} finally {
			await org.close();
		}
	});

	it('tells a person where it listens, how to connect and how to stop', async () => {
		const out = capture();
		const org = await runDemoOrg({users: 25, seed: 5}, out.stream);
		try {
			const text = out.text();
			expect(text).toContain(org.instanceUrl);
			expect(text).toContain(org.accessToken);
			expect(text).toContain('25 generated users, seed 5');
			expect(text).toContain(`salesscreen --instance-url ${org.instanceUrl} --access-token '${org.accessToken}'`);
			expect(text).toContain('Ctrl+C');
		} finally {
			await org.close();
		}
	});
});
