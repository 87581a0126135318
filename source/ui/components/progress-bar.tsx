import {Text} from './text.js';
import React from 'react';

export function ProgressBar({done, total, width}: {done: number; total: number; width: number}) {
	const share = total > 0 ? Math.min(1, done / total) : 1;
	const filled = Math.round(share * width);
	return (
		<Text>
			<Text color="green">{'█'.repeat(filled)}</Text>
			<Text dimColor>{'░'.repeat(Math.max(0, width - filled))}</Text>
			{` ${Math.round(share * 100)}%`}
		</Text>
	);
}
