import {Box, Text} from 'ink';
import React, {type ReactNode} from 'react';

/** A bordered box with a title, used for dialogs drawn over a screen. */
export function Panel({title, width, children}: {title: string; width: number; children: ReactNode}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} width={width}>
			<Text bold color="cyan" wrap="truncate">
				{title}
			</Text>
			{children}
		</Box>
	);
}
