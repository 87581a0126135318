import {Text} from 'ink';
import {render} from 'ink-testing-library';
import React, {useState} from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {KeyDispatcherProvider, keyPriority, useKeyLayer} from '../../source/ui/keys/key-dispatcher.js';
import {inkDriver} from '../support/ink-driver.js';
import {keys} from '../support/keys.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) {
		cleanup();
	}
});

function Layer({name, onKey}: {name: string; onKey: (name: string) => void}) {
	useKeyLayer({priority: keyPriority.content, name, commands: ['nav.open'], onCommand: () => onKey(name)});
	return <Text>{`layer ${name}`}</Text>;
}

type Remote = {change?: () => void};

/** A screen that changes on its own (as an import that finishes does), not because of a key. */
function ChangingScreen({remote}: {remote: Remote}) {
	const [phase, setPhase] = useState<'before' | 'after'>('before');
	const [heard, setHeard] = useState<string[]>([]);
	remote.change = () => setPhase('after');
	const onKey = (name: string) => setHeard((previous) => [...previous, name]);
	return (
		<>
			{phase === 'before' ? <Layer key="before" name="before" onKey={onKey} /> : <Layer key="after" name="after" onKey={onKey} />}
			<Text>{`heard: ${heard.join(',')}`}</Text>
		</>
	);
}

describe('the key dispatcher', () => {
	it('gives a key that arrives right after the screen changed on its own to the screen now drawn', async () => {
		const remote: Remote = {};
		const rendered = render(
			<KeyDispatcherProvider>
				<ChangingScreen remote={remote} />
			</KeyDispatcherProvider>,
		);
		cleanups.push(() => rendered.unmount());
		const driver = inkDriver(rendered);
		await driver.waitFor('layer before');
		await driver.press();
		// The key arrives as soon as the new screen is drawn: React puts its key layer in place by an
		// effect, after drawing, so the key comes before that effect has run.
		const {stdout} = rendered;
		const write = stdout.write.bind(stdout);
		stdout.write = (frame: string) => {
			write(frame);
			if (frame.includes('layer after')) {
				stdout.write = write;
				queueMicrotask(() => rendered.stdin.write(keys.enter));
			}
		};

		remote.change!();
		await driver.waitFor('heard: after');
		expect(driver.frame()).not.toContain('before');
	});
});
