import {Box} from 'ink';
import {Text} from '../components/text.js';
import React from 'react';
import {MenuList} from '../components/menu-list.js';
import {useMenu} from '../hooks/use-menu.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	isFocused: boolean;
	/** Salesforce's state in a few words, e.g. "Connected · 300 users". */
	salesforceStatus: string;
	onManageSalesforce: () => void;
	onBack: () => void;
};

export function IntegrationsScreen({isFocused, salesforceStatus, onManageSalesforce, onBack}: Props) {
	const items = [{label: `Salesforce  ·  ${salesforceStatus}  ·  Manage`, value: 'salesforce'}];
	const menu = useMenu(items, {onSelect: onManageSalesforce});
	useKeyLayer(
		{
			priority: keyPriority.screen,
			name: 'Integrations',
			commands: [...menu.commands, 'nav.back'],
			labels: {'nav.open': 'Manage', 'nav.up': 'move'},
			onCommand(command) {
				if (command === 'nav.back') {
					onBack();
					return true;
				}

				const handler = menu.handlers[command];
				handler?.();
				return handler !== undefined;
			},
		},
		isFocused,
	);

	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>Integrations</Text>
			<Text dimColor wrap="truncate">
				Connect SalesScreen to the systems your sales data lives in.
			</Text>
			<Box marginTop={1}>
				<MenuList items={items} cursor={menu.cursor} isFocused={isFocused} />
			</Box>
		</Box>
	);
}
