import {Box} from 'ink';
import {Text} from './text.js';
import React from 'react';

type Props = {
	label: string;
	value: string;
	/** Shown dimmed while the value is empty. */
	placeholder?: string;
	/** Secrets show as dots, and only their length. */
	isSecret?: boolean;
	isActive: boolean;
	width: number;
	/** A line under the field: what to enter, or why the value was refused. */
	hint?: string;
	hintColor?: string;
};

export function TextField({label, value, placeholder, isSecret = false, isActive, width, hint, hintColor}: Props) {
	const shown = isSecret ? '•'.repeat(Math.min(value.length, 40)) : value;
	// The end of a long value is what is being typed; keep it in view.
	const room = Math.max(8, width - label.length - 4);
	const visible = shown.length > room ? `…${shown.slice(-(room - 1))}` : shown;
	return (
		<Box flexDirection="column">
			<Box>
				<Text bold={isActive}>{`${label} `}</Text>
				{value === '' && placeholder ? <Text dimColor>{placeholder}</Text> : <Text>{visible}</Text>}
				{isActive ? <Text color="cyan">▏</Text> : null}
			</Box>
			{hint ? (
				<Text dimColor={hintColor === undefined} color={hintColor} wrap="truncate">
					{hint}
				</Text>
			) : null}
		</Box>
	);
}
