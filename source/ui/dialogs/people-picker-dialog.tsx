import {Box} from 'ink';
import {Text} from '../components/text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import {FilterText} from '../components/filter-text.js';
import type {PersonListing} from '../../core/person.js';
import {filterPeople} from '../../core/person-filter.js';
import {Selection} from '../../core/selection.js';
import {CheckboxTable, CheckboxTableHeader} from '../components/checkbox-table.js';
import {personColumns, personId} from '../components/person-columns.js';
import {pagedSelectionHandlers, usePagedSelection} from '../hooks/use-paged-selection.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import type {Command} from '../keys/key-bindings.js';
import {useFilterEntry} from '../hooks/use-filter-entry.js';

type Props = {
	title: string;
	/** The people one may pick from. */
	candidates: readonly PersonListing[];
	/** Enter's footer word, e.g. "add to team". */
	submitLabel: string;
	width: number;
	height: number;
	/** Resolves to why it could not be done (the picker stays open and says so), or undefined when done. */
	onSubmit: (personIds: number[]) => Promise<string | undefined>;
	onCancel: () => void;
};

const pickerCommands: Command[] = ['nav.up', 'nav.down', 'nav.open', 'nav.back', 'page.previous', 'page.next', 'selection.toggle', 'selection.page', 'selection.clear', 'filter.start', 'nav.first', 'nav.last'];

/** Check several people, the way the Users tab checks users, and act on them with Enter. */
export function PeoplePickerDialog({title, candidates, submitLabel, width, height, onSubmit, onCancel}: Props) {
	const selection = useRef(new Selection()).current;
	const filter = useFilterEntry(true);
	const {query} = filter;
	const editingFilter = filter.editing;
	const [message, setMessage] = useState<string | undefined>();
	const listed = useMemo(() => filterPeople(candidates, {showInactive: false, query}), [candidates, query]);
	const columns = useMemo(() => personColumns(width), [width]);
	const tableHeight = Math.max(1, height - 3);
	const paged = usePagedSelection(listed, tableHeight, selection, personId);
	const {resetCursor} = paged;
	useEffect(() => {
		resetCursor();
	}, [query, resetCursor]);


	const handlers: Partial<Record<Command, () => void>> = {
		...pagedSelectionHandlers(paged),
		'filter.start': () => filter.start(),
		'nav.back'() {
			if (query === '') {
				onCancel();
			} else {
				filter.clear();
			}
		},
		'nav.open'() {
			if (selection.size === 0) {
				setMessage('Check people first: Space checks one, a a whole page.');
			} else {
				void onSubmit(selection.ids().map(Number)).then(setMessage);
			}
		},
	};

	useKeyLayer(
		{
			priority: keyPriority.dialog,
			modal: true,
			commands: pickerCommands,
			labels: {'nav.open': submitLabel, 'nav.back': query === '' ? 'cancel' : 'clear filter'},
			onCommand(command) {
				setMessage(undefined);
				handlers[command]?.();
			},
		},
		!editingFilter,
	);

	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate">
				<FilterText query={query} editing={editingFilter} width={width} />
				<Text bold color="cyan">{`${title} · `}</Text>
				<Text bold color={paged.selectedCount > 0 ? 'green' : undefined}>{`${formatCount(paged.selectedCount)} checked`}</Text>
				{` · page ${paged.window.page + 1} of ${formatCount(paged.window.pageCount)} · ${formatCount(listed.length)} listed`}
			</Text>
			<CheckboxTableHeader columns={columns} />
			<Box flexDirection="column" height={tableHeight}>
				{listed.length === 0 ? (
					<Text wrap="truncate">{query === '' ? ' Everyone active is on this team already.' : ` No one matches "${query}". Esc clears the filter.`}</Text>
				) : (
					<CheckboxTable items={paged.pageItems} idOf={personId} cursorRow={paged.cursor - paged.window.start} isSelected={paged.isSelected} columns={columns} />
				)}
			</Box>
			<Text color="yellow" wrap="truncate">
				{message ?? ''}
			</Text>
		</Box>
	);
}
