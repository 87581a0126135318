import {Box} from 'ink';
import {Text} from './text.js';
import {useLook} from '../look/look-context.js';
import React from 'react';
import {useMenu} from '../hooks/use-menu.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import {MenuList} from './menu-list.js';

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

function SidebarView({width, height, isFocused, section, onHighlight, onOpen}: Props & {width: number}) {
	const menu = useMenu(items, {
		initialIndex: items.findIndex((item) => item.value === section),
		onHighlight(item) {
			onHighlight(item.value);
		},
		onSelect(item) {
			onOpen(item.value);
		},
	});
	useKeyLayer(
		{
			priority: keyPriority.screen,
			name: 'Sidebar',
			commands: menu.commands,
			onCommand(command) {
				const handler = menu.handlers[command];
				handler?.();
				return handler !== undefined;
			},
		},
		isFocused,
	);

	const look = useLook();
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
			borderColor={look.color ? (isFocused ? 'cyan' : 'gray') : undefined}
		>
			<Text bold dimColor={!isFocused}>
				{' Manage'}
			</Text>
			<MenuList items={items} cursor={menu.cursor} isFocused={isFocused} />
		</Box>
	);
}

// Drawn again only when its own props change: the app gives it stable handlers.
export const Sidebar = React.memo(SidebarView);
