import {Text, useApp} from 'ink';
import React, {useEffect, useState} from 'react';
import type {OrgTarget, Session} from '../session.js';
import type {App as AppComponent} from '../ui/app.js';
import {terminalLook, type TerminalLook} from '../ui/look/terminal-look.js';
import {runFullScreen} from '../ui/run-full-screen.js';
import {runPlain} from '../ui/run-plain.js';

type Opened = {session: Session; App: typeof AppComponent};

/**
 * The first frame, drawn before the store is opened and the org (the demo org's users among it) is
 * started: the admin sees the app at once rather than a blank terminal. A failure to open ends the
 * app with that error, which the command line reports as before.
 */
function OpenSession({open, look}: {open: () => Promise<Opened>; look: TerminalLook}) {
	const {exit} = useApp();
	const [opened, setOpened] = useState<Opened>();
	useEffect(() => {
		open().then(setOpened, (error: unknown) => {
			exit(error instanceof Error ? error : new Error(String(error)));
		});
	}, [open, exit]);

	return opened === undefined ? (
		<Text>
			<Text bold={look.color}> SalesScreen </Text>
			<Text dimColor={look.color}> starting…</Text>
		</Text>
	) : (
		<opened.App services={opened.session.services} look={look} />
	);
}

export async function openApp(target: OrgTarget, options: {plain?: boolean} = {}): Promise<number> {
	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		process.stderr.write('salesscreen: the app needs a terminal. For scripts, use `salesscreen import --help`.\n');
		return 2;
	}

	const look = terminalLook(process.env, options);
	// The app may open on the demo org for a first try (labelled DEMO ORG); commands may not.
	const sessionTarget: OrgTarget = target.kind === 'saved' ? {kind: 'saved-or-demo'} : target;
	// The store, the Salesforce adapter, the screens and the demo org load after the first frame, not before it.
	let opened: Promise<Opened> | undefined;
	const open = async () => {
		opened ??= (async () => {
			const [{openSession}, {App}] = await Promise.all([import('../session.js'), import('../ui/app.js')]);
			return {session: await openSession(sessionTarget), App};
		})();
		return opened;
	};

	// Keys typed while the app starts stay in the terminal's buffer, unechoed, for the screens to read in
	// order once they are up: without raw mode now, the terminal would print them over the first frame.
	process.stdin.setRawMode(true);
	const element = <OpenSession open={open} look={look} />;
	try {
		await (look.plain ? runPlain(element) : runFullScreen(element));
	} finally {
		process.stdin.setRawMode(false);
		const session = (await opened?.catch(() => undefined))?.session;
		await session?.close();
	}

	return 0;
}
