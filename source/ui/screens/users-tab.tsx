import {Box} from 'ink';
import {Text} from '../components/text.js';
import {displayWidth} from '../../core/display-width.js';
import {firstThatFits} from '../../core/fit-text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {FilterText} from '../components/filter-text.js';
import type {ImportContext} from '../../core/import-context.js';
import {refusalFor} from '../../core/admin-policy.js';
import {classifyUser, type SalesforceNameLookup} from '../../core/import-plan.js';
import type {Selection} from '../../core/selection.js';
import {displayName, type SalesforceUser} from '../../core/salesforce-user.js';
import {growingFilter} from '../../core/user-filter.js';
import type {AppServices, RetryNotice} from '../../app/app-services.js';
import {importStatusSentence} from '../components/import-status.js';
import {UserTable, UserTableHeader} from '../components/user-table.js';
import {ConfirmDialog} from '../dialogs/confirm-dialog.js';
import {ImportDialog} from '../dialogs/import-dialog.js';
import {MappingDialog} from '../dialogs/mapping-dialog.js';
import {pagedSelectionHandlers, usePagedSelection} from '../hooks/use-paged-selection.js';
import type {SalesforceUsers, UsersLoad} from '../hooks/use-salesforce-users.js';
import {clockTime, type ConnectionState} from '../connection-state.js';
import {NoticeDialog} from '../dialogs/notice-dialog.js';
import {wrapText} from '../../core/wrap-text.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import type {Command} from '../keys/key-bindings.js';
import {useFilterEntry} from '../hooks/use-filter-entry.js';

type Props = {
	salesforce: SalesforceUsers;
	selection: Selection;
	context: ImportContext;
	services: Pick<AppServices, 'importUsers' | 'describeError' | 'mappings' | 'operatorRights'>;
	/** 0 fits the page to the space there is. */
	pageSize: number;
	showAllUsers: boolean;
	onToggleShowAll: () => void;
	onImported: () => void;
	onGoToOverview: () => void;
	/** Why Import users may not run now (no Salesforce admin rights, say); undefined when it may. */
	importBlockedReason: string | undefined;
	/** Opens the connect dialog, for failures only a new connection cures. */
	onReconnect: () => void;
	/** The org's connection, as the header shows it. */
	connection: ConnectionState;
	/** Checks the connection again (and lists the users again when listing was what failed). */
	onRetryConnection: () => void;
	isFocused: boolean;
	width: number;
	height: number;
};

/** A blocked dialog names the dialog it stands in for: it opens by itself once the block lifts (the rights check came back). */
type Overlay = 'none' | 'confirm-all' | 'import' | 'mapping' | {blocked: string; reason: string; then: 'import' | 'mapping'};

const count = formatCount;
const idOf = (user: SalesforceUser) => user.id;

const tableCommands: Command[] = [
	'nav.up',
	'nav.down',
	'page.previous',
	'page.next',
	'selection.toggle',
	'selection.page',
	'selection.all',
	'selection.clear',
	'filter.start',
	'mapping.open',
	'view.toggle-all',
	'import.start',
	'nav.first',
	'nav.last',
];

export function UsersTab(props: Props) {
	const {salesforce, selection, context, width, height, isFocused} = props;
	const {users, load} = salesforce;
	const filter = useFilterEntry(isFocused);
	const {query} = filter;
	const editingFilter = filter.editing;
	const [overlay, setOverlay] = useState<Overlay>('none');
	const [message, setMessage] = useState<string | undefined>();

	// Re-filter only when the list grows or the view changes, never per keypress.
	const filtered = useRef(growingFilter()).current;
	const listed = useMemo(
		() => filtered(users, {showAll: props.showAllUsers, query}),
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[users, load.loaded, props.showAllUsers, query],
	);
	const failure = props.connection.kind === 'failed' ? props.connection : undefined;
	// A list shown while the org fails is an old one: the top says so before any row is read.
	const stale = failure && users.length > 0 ? staleLines(failure, load, width) : [];
	const tableHeight = Math.max(1, height - 3 - stale.length);
	const pageSize = props.pageSize > 0 ? props.pageSize : tableHeight;
	const paged = usePagedSelection(listed, pageSize, selection, idOf);
	const {resetCursor} = paged;

	useEffect(() => {
		resetCursor();
	}, [query, props.showAllUsers, resetCursor]);

	// A conflict names the user a person is chosen for: looked up in the list, indexed only when one is drawn
	// and then only as far as the list has grown. The same lookup serves while batches arrive, so the rows'
	// statuses (and the rows) are not drawn again for each batch; a list that is whole gets a fresh one.
	const nameOf = useMemo<SalesforceNameLookup>(() => {
		const names = new Map<string, string>();
		let indexed = 0;
		return (id) => {
			for (; indexed < users.length; indexed++) {
				names.set(users[indexed]!.id, displayName(users[indexed]!));
			}

			return names.get(id);
		};
	}, [users, load.status]);
	const statusOf = useCallback((user: SalesforceUser) => classifyUser(user, context, nameOf), [context, nameOf]);

	const selectedUsers = useMemo(
		() => (overlay === 'import' ? users.filter((user) => selection.has(user.id)) : []),
		[overlay, users, selection],
	);


	// `i` pressed while the rights were still being checked: when the check clears import, the dialog the
	// admin asked for replaces the notice, so the key is not lost; a refusal replaces the notice's words.
	const blockLifted = typeof overlay === 'object' && props.importBlockedReason === undefined;
	useEffect(() => {
		if (blockLifted && typeof overlay === 'object') {
			setOverlay(overlay.then === 'mapping' && paged.pageItems.length === 0 ? 'none' : overlay.then);
		}
	}, [blockLifted, overlay, paged.pageItems.length]);

	const empty = listed.length === 0;
	const highlighted = listed[paged.cursor];
	const highlightedStatus = useMemo(() => (highlighted ? importStatusSentence(statusOf(highlighted)) : undefined), [highlighted, statusOf]);
	const handlers: Partial<Record<Command, () => void>> = {
		...pagedSelectionHandlers(paged),
		'selection.all'() {
			if (listed.length > 0) {
				setOverlay('confirm-all');
			}
		},
		'filter.start': () => filter.start(),
		'mapping.open'() {
			void props.services.operatorRights().then((rights) => {
				const refusal = refusalFor('import', rights);
				if (refusal) {
					setMessage(refusal);
				} else if (props.importBlockedReason) {
					setOverlay({blocked: 'Mapping is blocked', reason: props.importBlockedReason, then: 'mapping'});
				} else if (paged.pageItems.length > 0) {
					setOverlay('mapping');
				}
			});
		},
		'view.toggle-all': props.onToggleShowAll,
		'import.start'() {
			// An empty selection is said first: it is the admin's to fix, and it does not depend on whether
			// the rights check (which runs beside the listing) has come back yet.
			if (selection.size === 0) {
				setMessage('Check users first: Space checks one, a a whole page.');
			} else if (props.importBlockedReason) {
				setOverlay({blocked: 'Import is blocked', reason: props.importBlockedReason, then: 'import'});
			} else {
				setOverlay('import');
			}
		},
		'nav.open': props.onGoToOverview,
		'action.retry': props.onRetryConnection,
		'action.reconnect': props.onReconnect,
		'nav.back': () => filter.clear(),
	};

	useKeyLayer(
		{
			priority: keyPriority.content,
			name: 'Users',
			// The paged selection keeps the cursor a key left in a ref: a burst of moves needs one frame, not one each.
			foldsRepeats: ['nav.up', 'nav.down', 'page.previous', 'page.next'],
			commands: [
				...tableCommands,
				// Enter leads to Overview only from the empty list; Esc clears a filter before it leaves the tab.
				...(empty && load.status === 'done' && query === '' ? (['nav.open'] as const) : []),
				...(failure ? (['action.retry'] as const) : []),
				...(failure?.reconnect ? (['action.reconnect'] as const) : []),
				...(query === '' ? [] : (['nav.back'] as const)),
			],
			labels: {'nav.open': 'Overview', 'nav.back': 'clear filter', 'view.toggle-all': props.showAllUsers ? 'hide inactive' : 'show all'},
			onCommand(command) {
				setMessage(undefined);
				const handler = handlers[command];
				if (!handler) {
					return false;
				}

				handler();
				return true;
			},
		},
		isFocused && overlay === 'none' && !editingFilter,
	);

	const loadText =
		load.status === 'loading'
			? `loaded ${count(load.loaded)} of ${load.total === undefined ? '?' : count(load.total)}…${load.retry ? ` retrying (${load.retry.attempt} of ${load.retry.attempts})` : ''}`
			: load.status === 'failed'
				? `loaded ${count(load.loaded)}, then failed`
				: `${count(load.total)} users`;
	const shortLoadText =
		load.status === 'loading'
			? `${count(load.loaded)}/${load.total === undefined ? '?' : count(load.total)}…${load.retry ? ' retrying' : ''}`
			: load.status === 'failed'
				? 'load failed'
				: `of ${count(load.total)}`;
	const page = `${paged.window.page + 1}`;
	const pages = `${paged.window.pageCount}`;
	const scope = props.showAllUsers ? '' : ' (active Standard)';
	const filterWidth = query === '' && !editingFilter ? 0 : Math.min(width, 12 + displayWidth(query) + (editingFilter ? 1 : 0));
	const selectedText = `${count(paged.selectedCount)} selected`;
	// Narrower terminals get shorter words, never a status line that loses how many users there are.
	const status = firstThatFits(
		[
			{middle: ` · page ${page} of ${pages} · ${count(listed.length)} listed${scope} · `, load: loadText},
			{middle: ` · page ${page} of ${pages} · ${count(listed.length)} listed · `, load: loadText},
			{middle: ` · page ${page}/${pages} · ${count(listed.length)} listed · `, load: shortLoadText},
			{middle: ` · ${page}/${pages} · ${count(listed.length)} `, load: shortLoadText},
		],
		Math.max(0, width - filterWidth - displayWidth(selectedText)),
		(option) => option.middle + option.load,
	);

	return (
		<Box flexDirection="column" height={height}>
			<Box height={1}>
				<Text wrap="truncate">
					<FilterText query={query} editing={editingFilter} width={width} />
					<Text bold color={paged.selectedCount > 0 ? 'green' : undefined}>{selectedText}</Text>
					{status.middle}
					<Text color={load.status === 'loading' ? 'yellow' : load.status === 'failed' ? 'red' : undefined}>{status.load}</Text>
				</Text>
			</Box>
			{stale.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} wrap="truncate" color="red" bold={index === 0}>
					{line}
				</Text>
			))}
			{typeof overlay === 'object' ? (
				<NoticeDialog
					title={overlay.blocked}
					lines={[props.importBlockedReason ?? overlay.reason]}
					width={Math.min(width, 80)}
					height={height - 2 - stale.length}
					onClose={() => {
						setOverlay('none');
					}}
					onRetry={failure ? props.onRetryConnection : undefined}
				/>
			) : null}
			{overlay === 'confirm-all' ? (
				<ConfirmDialog
					title="Check all users"
					question={`Check all ${count(listed.length)} listed users on all ${count(paged.window.pageCount)} pages?`}
					width={Math.min(width, 70)}
					height={height - 2}
					onConfirm={() => {
						paged.selectAll();
						setOverlay('none');
					}}
					onCancel={() => {
						setOverlay('none');
					}}
				/>
			) : null}
			{overlay === 'import' ? (
				<ImportDialog
					users={selectedUsers}
					context={context}
					services={props.services}
					width={Math.min(width, 100)}
					height={height - 1}
					onClose={(imported) => {
						setOverlay('none');
						if (imported) {
							selection.clear();
						}

						// Imported or not, the dialog read the store afresh; the rows' statuses follow it.
						props.onImported();
					}}
				/>
			) : null}
			{overlay === 'mapping' && highlighted ? (
				<MappingDialog
					user={highlighted}
					hasChoice={context.manualPersonIdBySalesforceId.has(highlighted.id) || context.ignoredSalesforceIds.has(highlighted.id)}
					services={props.services}
					width={Math.min(width, 90)}
					height={height - 1}
					onClose={(changed) => {
						setOverlay('none');
						if (changed) {
							props.onImported();
						}
					}}
				/>
			) : null}
			{overlay === 'none' ? (
				<Box flexDirection="column" height={height - 2 - stale.length}>
					<UserTableHeader width={width} />
					{empty ? (
						<EmptyState
							status={load.status}
							query={query}
							failure={load.status === 'failed' ? load.message : undefined}
							reconnect={load.status === 'failed' && load.reconnect}
							retry={load.status === 'loading' ? load.retry : undefined}
						/>
					) : (
						<UserTable
							users={paged.pageItems}
							cursorRow={paged.cursor - paged.window.start}
							isSelected={paged.isSelected}
							statusOf={statusOf}
							width={width}
						/>
					)}
				</Box>
			) : null}
			<Box height={1}>
				<Text color={message === undefined ? highlightedStatus?.color : 'yellow'} wrap="truncate">
					{message ?? (overlay === 'none' ? highlightedStatus?.text : undefined) ?? ''}
				</Text>
			</Box>
		</Box>
	);
}

/** At most this many rows of the screen say that the list is old; the table keeps the rest. */
const staleRowsAtMost = 4;

function staleLines(failure: Extract<ConnectionState, {kind: 'failed'}>, load: UsersLoad, width: number): string[] {
	const what = failure.reconnect ? 'Session refused' : 'Not working';
	const age =
		load.status === 'done'
			? `This list is from ${clockTime(load.at)} and may be out of date.`
			: `Only ${count(load.loaded)}${load.total === undefined ? '' : ` of ${count(load.total)}`} users arrived.`;
	const keys = failure.reconnect ? 'Press c to reconnect, r to try again.' : 'Press r to retry.';
	const lines = [...wrapText(`${what} since ${clockTime(failure.since)}: ${failure.message}`, width), ...wrapText(`${age} ${keys}`, width)];
	if (lines.length <= staleRowsAtMost) {
		return lines;
	}

	// The keys and the list's age matter more than the end of a long reason: they stay, the reason is cut.
	const tail = wrapText(`${age} ${keys}`, width).slice(0, staleRowsAtMost - 1);
	const head = lines.slice(0, staleRowsAtMost - tail.length);
	head[head.length - 1] = `${head.at(-1)!.slice(0, Math.max(0, width - 1))}…`;
	return [...head, ...tail];
}

type EmptyStateProps = {status: string; query: string; failure: string | undefined; reconnect: boolean; retry: RetryNotice | undefined};

function EmptyState({status, query, failure, reconnect, retry}: EmptyStateProps) {
	if (failure !== undefined) {
		return (
			<Box flexDirection="column" paddingX={1}>
				<Text color="red" wrap="wrap">{`Could not load Salesforce users. ${failure}`}</Text>
				<Text wrap="truncate">{reconnect ? 'Press c to reconnect, or r to try again.' : 'Press r to retry.'}</Text>
			</Box>
		);
	}

	if (status === 'loading') {
		return (
			<Box flexDirection="column">
				<Text color="yellow"> Loading Salesforce users…</Text>
				{retry ? <Text color="yellow" wrap="wrap">{` ${retry.reason} Retrying (attempt ${retry.attempt} of ${retry.attempts}).`}</Text> : null}
			</Box>
		);
	}

	if (query !== '') {
		return <Text wrap="truncate">{` No users match "${query}". Esc clears the filter.`}</Text>;
	}

	return (
		<Box flexDirection="column" paddingX={1}>
			<Text wrap="truncate">No Salesforce users to show.</Text>
			<Text wrap="truncate">Make sure your Salesforce integration is connected and authorized.</Text>
			<Text wrap="truncate">Press Enter to open the Overview tab, or h to list inactive and non-Standard users too.</Text>
		</Box>
	);
}
