import {Box, Text} from 'ink';
import React from 'react';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

export function ComingNextScreen({title, isFocused, onBack}: {title: string; isFocused: boolean; onBack: () => void}) {
	useKeyLayer(
		{
			priority: keyPriority.screen,
			commands: ['nav.back'],
			onCommand() {
				onBack();
			},
		},
		isFocused,
	);

	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>{title}</Text>
			<Text dimColor wrap="truncate">
				Coming next. Imported people are stored already; this screen will list them and their teams.
			</Text>
		</Box>
	);
}
