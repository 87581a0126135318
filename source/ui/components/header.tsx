import {Box} from 'ink';
import {Text} from './text.js';
import React from 'react';

type Props = {
	width: number;
	orgName: string;
	isDemo: boolean;
	/** Connection state in a few words, e.g. "connected" or "unreachable". */
	connection: string;
	connectionColor: string;
};

export function Header({width, orgName, isDemo, connection, connectionColor}: Props) {
	return (
		<Box height={1} width={width}>
			<Text bold color="magentaBright">
				{' SalesScreen '}
			</Text>
			<Text wrap="truncate">
				{' Salesforce: '}
				<Text bold>{orgName}</Text>
				{isDemo ? (
					<Text bold color="black" backgroundColor="yellow">
						{' DEMO ORG '}
					</Text>
				) : null}
				{' · '}
				<Text color={connectionColor}>{connection}</Text>
			</Text>
		</Box>
	);
}
