import React from 'react';
import {openSession, type OrgTarget} from '../session.js';
import {App} from '../ui/app.js';
import {terminalLook} from '../ui/look/terminal-look.js';
import {runFullScreen} from '../ui/run-full-screen.js';
import {runPlain} from '../ui/run-plain.js';

export async function openApp(target: OrgTarget, options: {plain?: boolean} = {}): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write('salesscreen: the app needs a terminal. For scripts, use `salesscreen import --help`.\n');
		return 2;
	}

	const look = terminalLook(process.env, options);
	// The app may open on the demo org for a first try (labelled DEMO ORG); commands may not.
	const session = await openSession(target.kind === 'saved' ? {kind: 'saved-or-demo'} : target);
	try {
		await (look.plain ? runPlain(<App services={session.services} look={look} />) : runFullScreen(<App services={session.services} look={look} />));
	} finally {
		await session.close();
	}

	return 0;
}
