import {Text} from './text.js';
import React from 'react';
import {fitTextEnd} from '../../core/fit-text.js';

/** "filter: " and " · " around the query, and the typing cursor. */
const frameWidth = 12;

/**
 * The filter being typed, for the start of a status line: first, so that no width hides it, and a
 * filter longer than the line shows its end, where the typing is.
 */
export function FilterText({query, editing, width}: {query: string; editing: boolean; width: number}) {
	if (query === '' && !editing) {
		return null;
	}

	return <Text color="cyan">{`filter: ${fitTextEnd(query, Math.max(4, width - frameWidth))}${editing ? '▏' : ''} · `}</Text>;
}
