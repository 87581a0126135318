import {Text} from './text.js';
import React from 'react';
import {describeView} from '../../core/outcome-views.js';
import type {OutcomeNarrowing} from '../hooks/use-outcome-narrowing.js';
import {FilterText} from './filter-text.js';

/** Which outcomes the list shows, and the search being typed. */
export function OutcomeViewLine<T>({narrowing, total, width}: {narrowing: OutcomeNarrowing<T>; total: number; width: number}) {
	return (
		<Text wrap="truncate">
			<FilterText query={narrowing.filter.query} editing={narrowing.filter.editing} width={width} />
			<Text color="cyan">{`showing ${describeView(narrowing.view, narrowing.shown.length, total)}`}</Text>
			<Text dimColor>{narrowing.filter.editing ? '' : ' · o outcome · / search'}</Text>
		</Text>
	);
}
