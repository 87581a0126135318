import {Box} from 'ink';
import {Text} from './text.js';
import React from 'react';
import {fitText} from '../../core/fit-text.js';

type Props = {
	width: number;
	orgName: string;
	isDemo: boolean;
	/** Connection state in a few words, e.g. "connected" or "unreachable". */
	connection: string;
	connectionColor: string;
	/** While the sidebar is folded away: the key that brings it back, where a full footer cannot hide it. */
	menuKey?: string;
	/** A store other instances share (PostgreSQL), named: what the admin sees may change under them. */
	sharedStore?: string;
};

/** Columns the org's name keeps before the store's name takes any: the org is what the screens act on. */
const orgNameRoom = 16;

function HeaderView({width, orgName, isDemo, connection, connectionColor, menuKey, sharedStore}: Props) {
	// After the connection state, in the room the rest leaves, shortened with … and left out when that is
	// too little to say anything: Overview names the store in full.
	const fixed = ' SalesScreen '.length + (menuKey ? ` ${menuKey} menu ·`.length : 0) + ' Salesforce: '.length + Math.min(orgName.length, orgNameRoom) + (isDemo ? ' DEMO ORG '.length : 0) + ' · '.length + connection.length;
	const storeRoom = width - fixed - ' · store: '.length;
	const storeText = sharedStore && storeRoom >= 12 ? ` · store: ${fitText(sharedStore.replace(/^PostgreSQL database /, 'PostgreSQL '), storeRoom)}` : undefined;
	return (
		<Box height={1} width={width}>
			<Box flexShrink={0}>
				<Text bold color="magentaBright">
					{' SalesScreen '}
				</Text>
				{menuKey ? (
					<Text>
						<Text bold color="cyan">{` ${menuKey}`}</Text>
						<Text dimColor> menu ·</Text>
					</Text>
				) : null}
			</Box>
			<Box flexShrink={1}>
				<Text wrap="truncate">
					{' Salesforce: '}
					<Text bold>{orgName}</Text>
				</Text>
			</Box>
			{/* The org's name gives way first: the state is what a narrow terminal must still show. */}
			<Box flexShrink={0}>
				<Text wrap="truncate">
					{isDemo ? (
						<Text bold color="black" backgroundColor="yellow">
							{' DEMO ORG '}
						</Text>
					) : null}
					{' · '}
					<Text color={connectionColor}>{connection}</Text>
				</Text>
			</Box>
			{storeText ? (
				<Box flexShrink={0}>
					<Text dimColor>{storeText}</Text>
				</Box>
			) : null}
		</Box>
	);
}

// Drawn again only when what it shows changes, not for every batch of users or key the screen below takes.
export const Header = React.memo(HeaderView);
