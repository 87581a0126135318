import {useState} from 'react';
import {typeInto} from '../../core/terminal-text.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

export type FilterEntry = {
	query: string;
	/** Whether keys are typed into the filter now (after `/`). */
	editing: boolean;
	start: () => void;
	clear: () => void;
};

/**
 * The `/` filter of a list: while editing, every key goes to it (so "q" is a letter, not quit); Enter keeps
 * the filter and gives the keys back to the list, Esc clears it.
 */
export function useFilterEntry(isActive: boolean): FilterEntry {
	const [query, setQuery] = useState('');
	const [editing, setEditing] = useState(false);

	useKeyLayer(
		{
			priority: keyPriority.textEntry,
			name: 'Filter',
			modal: true,
			commands: ['nav.open', 'nav.back'],
			labels: {'nav.open': 'keep filter', 'nav.back': 'clear filter'},
			onCommand: () => true,
			onText(input, key) {
				if (key.return) {
					setEditing(false);
				} else if (key.escape) {
					setEditing(false);
					setQuery('');
				} else if (key.backspace || key.delete) {
					setQuery((value) => value.slice(0, -1));
				} else if (input && !key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow) {
					setQuery((value) => typeInto(value, input));
				} else {
					return false;
				}

				return true;
			},
		},
		isActive && editing,
	);

	return {
		query,
		editing,
		start() {
			setEditing(true);
		},
		clear() {
			setQuery('');
		},
	};
}
