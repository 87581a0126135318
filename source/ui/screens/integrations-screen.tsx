import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import React from 'react';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	isFocused: boolean;
	/** Salesforce's state in a few words, e.g. "Connected · 300 users". */
	salesforceStatus: string;
	onManageSalesforce: () => void;
	onBack: () => void;
};

export function IntegrationsScreen({isFocused, salesforceStatus, onManageSalesforce, onBack}: Props) {
	useKeyLayer(
		{
			priority: keyPriority.screen,
			commands: ['nav.up', 'nav.open', 'nav.back'],
			labels: {'nav.open': 'Manage', 'nav.up': 'move'},
			onCommand(command) {
				if (command === 'nav.back') {
					onBack();
					return true;
				}

				// Moving and Enter belong to the list below, which hears the same keys.
				return false;
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
				<SelectInput
					isFocused={isFocused}
					items={[{label: `Salesforce  ·  ${salesforceStatus}  ·  Manage`, value: 'salesforce'}]}
					onSelect={onManageSalesforce}
				/>
			</Box>
		</Box>
	);
}
