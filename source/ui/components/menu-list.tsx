import {Box, Text} from 'ink';
import {Indicator, Item} from 'ink-select-input';
import React from 'react';
import type {MenuItem} from '../hooks/use-menu.js';

type Props<V> = {
	items: ReadonlyArray<MenuItem<V>>;
	cursor: number;
	/** Whether this menu has the keys: its highlight is drawn bright only then. */
	isFocused: boolean;
};

/**
 * A menu drawn as ink-select-input draws one. A menu without the keys still marks its current item,
 * dimly, so it is plain which pane the keys go to.
 */
export function MenuList<V>({items, cursor, isFocused}: Props<V>) {
	return (
		<Box flexDirection="column">
			{items.map((item, index) => (
				<Box key={String(item.value)}>
					{isFocused || index !== cursor ? (
						<Indicator isSelected={isFocused && index === cursor} />
					) : (
						<Box marginRight={1}>
							<Text dimColor>›</Text>
						</Box>
					)}
					<Item isSelected={isFocused && index === cursor} label={item.label} />
				</Box>
			))}
		</Box>
	);
}
