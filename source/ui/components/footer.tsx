import {Box, Text} from 'ink';
import React from 'react';
import {useKeyHints} from '../keys/key-dispatcher.js';

/** The keys that work right now: whatever the front-most screen answers. */
export function Footer({width, message}: {width: number; message?: string}) {
	const hints = useKeyHints();
	return (
		<Box height={1} width={width}>
			<Text wrap="truncate">
				{message ? <Text color="yellow">{`${message}  `}</Text> : null}
				{hints.map((hint, index) => (
					<Text key={`${hint.keys}:${hint.label}`}>
						{index > 0 ? '  ' : ' '}
						<Text bold color="cyan">
							{hint.keys}
						</Text>
						<Text dimColor>{` ${hint.label}`}</Text>
					</Text>
				))}
			</Text>
		</Box>
	);
}
