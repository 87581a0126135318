import {Box} from 'ink';
import {Text} from './text.js';
import React from 'react';

type Props<T extends string> = {
	tabs: ReadonlyArray<{id: T; title: string}>;
	active: T;
};

export function TabBar<T extends string>({tabs, active}: Props<T>) {
	return (
		<Box height={1}>
			{tabs.map((tab) => (
				<Box key={tab.id} marginRight={1}>
					<Text wrap="truncate" bold={tab.id === active} inverse={tab.id === active} color={tab.id === active ? 'cyan' : undefined}>
						{` ${tab.title} `}
					</Text>
				</Box>
			))}
		</Box>
	);
}
