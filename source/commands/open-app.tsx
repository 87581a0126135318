import React from 'react';
import {openSession, type OrgTarget} from '../session.js';
import {App} from '../ui/app.js';
import {runFullScreen} from '../ui/run-full-screen.js';

export async function openApp(target: OrgTarget): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write('salesscreen: the app needs a terminal. For scripts, use `salesscreen import --help`.\n');
		return 2;
	}

	// The app may open on the demo org for a first try (labelled DEMO ORG); commands may not.
	const session = await openSession(target.kind === 'saved' ? {kind: 'saved-or-demo'} : target);
	try {
		await runFullScreen(<App services={session.services} />);
	} finally {
		await session.close();
	}

	return 0;
}
