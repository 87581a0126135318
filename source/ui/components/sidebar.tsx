import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import React from 'react';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

export type Section = 'integrations' | 'people' | 'teams';

const items: Array<{label: string; value: Section}> = [
	{label: 'Integrations', value: 'integrations'},
	{label: 'People', value: 'people'},
	{label: 'Teams', value: 'teams'},
];

type Props = {
	height: number;
	isFocused: boolean;
	section: Section;
	onHighlight: (section: Section) => void;
	onOpen: (section: Section) => void;
};

/** Narrower on an 80-column terminal, where the table needs every column it can get. */
export function sidebarWidthFor(columns: number): number {
	return columns < 100 ? 17 : 20;
}

export function Sidebar({width, height, isFocused, section, onHighlight, onOpen}: Props & {width: number}) {
	// The list below moves and opens by itself; this layer only names those keys in the footer.
	useKeyLayer({priority: keyPriority.screen, commands: ['nav.up', 'nav.open'], onCommand: () => false}, isFocused);

	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			flexShrink={0}
			borderStyle="single"
			borderTop={false}
			borderBottom={false}
			borderLeft={false}
			borderColor={isFocused ? 'cyan' : 'gray'}
		>
			<Text bold dimColor={!isFocused}>
				{' Manage'}
			</Text>
			<SelectInput
				items={items}
				isFocused={isFocused}
				initialIndex={items.findIndex((item) => item.value === section)}
				onHighlight={(item) => {
					onHighlight(item.value);
				}}
				onSelect={(item) => {
					onOpen(item.value);
				}}
			/>
		</Box>
	);
}
