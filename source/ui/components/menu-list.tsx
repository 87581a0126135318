import {Box} from 'ink';
import {Text} from './text.js';
import React from 'react';
import type {MenuItem} from '../hooks/use-menu.js';

type Props<V> = {
	items: ReadonlyArray<MenuItem<V>>;
	cursor: number;
	/** Whether this menu has the keys: its highlight is drawn bright only then. */
	isFocused: boolean;
};

// ink-select-input's own indicator and item, drawn with our Text so that NO_COLOR reaches them; the
// highlighted item is bold too, so it stands out without colour.
function Indicator({isSelected}: {isSelected: boolean}) {
	return <Box marginRight={1}>{isSelected ? <Text color="blue">❯</Text> : <Text> </Text>}</Box>;
}

function Item({isSelected, label}: {isSelected: boolean; label: string}) {
	return (
		<Text color={isSelected ? 'blue' : undefined} bold={isSelected}>
			{label}
		</Text>
	);
}

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
