import {Box} from 'ink';
import {Text} from '../components/text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useMemo, useState} from 'react';
import type {SalesforceUser} from '../../core/salesforce-user.js';
import {countInScope, type ActivityOwners, type SyncScope} from '../../core/sync-scope.js';
import {toTerminalText} from '../../core/terminal-text.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {useListCursor} from '../hooks/use-list-cursor.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type ListKey = 'profiles' | 'roles' | 'departments' | 'userTypes';

type Props = {
	scope: SyncScope;
	/** The org's users as loaded now: the values to choose from, and the live count. */
	users: readonly SalesforceUser[];
	/** The owners of recent sales activity when the scope asks about it, once read. */
	owners?: ActivityOwners;
	/** Whether every user has arrived; the count says "so far" otherwise. */
	complete: boolean;
	width: number;
	height: number;
	onSave: (scope: SyncScope) => void;
	onCancel: () => void;
};

type Row = {kind: 'heading'; title: string} | {kind: 'value'; list: ListKey; value: string; users: number} | {kind: 'active-only'};

const sections: ReadonlyArray<{list: ListKey; title: string; valueOf: (user: SalesforceUser) => string | null}> = [
	{list: 'userTypes', title: 'User types', valueOf: (user) => user.userType},
	{list: 'profiles', title: 'Profiles', valueOf: (user) => user.profileName},
	{list: 'roles', title: 'Roles', valueOf: (user) => user.roleName ?? null},
	{list: 'departments', title: 'Departments', valueOf: (user) => user.department},
];

/** The values present in the org, most common first, with how many users carry each. */
function rowsFor(users: readonly SalesforceUser[], scope: SyncScope): Row[] {
	const rows: Row[] = [{kind: 'active-only'}];
	for (const section of sections) {
		const counts = new Map<string, number>();
		for (const user of users) {
			const value = section.valueOf(user);
			if (value) {
				counts.set(value, (counts.get(value) ?? 0) + 1);
			}
		}

		// A value chosen earlier stays listed even when no loaded user has it now.
		for (const chosen of scope[section.list]) {
			counts.set(chosen, counts.get(chosen) ?? 0);
		}

		rows.push({kind: 'heading', title: section.title});
		for (const [value, count] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
			rows.push({kind: 'value', list: section.list, value, users: count});
		}
	}

	return rows;
}

/**
 * Which Salesforce users automatic sync takes, with the count of those in scope updated at every change:
 * a spot check before anything is saved. Nothing checked in a section means any value.
 */
export function ScopeDialog({scope: initial, users, owners, complete, width, height, onSave, onCancel}: Props) {
	const [scope, setScope] = useState<SyncScope>(initial);
	const rows = useMemo(() => rowsFor(users, initial), [users, initial]);
	const listHeight = Math.max(3, height - 6);
	const cursor = useListCursor(rows.length, listHeight);
	const inScope = useMemo(() => countInScope(users, scope, owners), [users, scope, owners]);

	const toggle = () => {
		const row = rows[cursor.cursor];
		if (row?.kind === 'active-only') {
			setScope((current) => ({...current, activeOnly: !current.activeOnly}));
		} else if (row?.kind === 'value') {
			setScope((current) => {
				const list = current[row.list];
				return {...current, [row.list]: list.includes(row.value) ? list.filter((value) => value !== row.value) : [...list, row.value]};
			});
		}
	};

	useKeyLayer({
		priority: keyPriority.dialog,
		modal: true,
		commands: ['nav.up', 'nav.down', 'page.previous', 'page.next', 'selection.toggle', 'nav.open', 'nav.back'],
		labels: {'selection.toggle': 'check', 'nav.open': 'save', 'nav.back': 'cancel'},
		onCommand(command) {
			switch (command) {
				case 'nav.up': {
					cursor.up();
					break;
				}

				case 'nav.down': {
					cursor.down();
					break;
				}

				case 'page.previous': {
					cursor.previousPage();
					break;
				}

				case 'page.next': {
					cursor.nextPage();
					break;
				}

				case 'selection.toggle': {
					toggle();
					break;
				}

				case 'nav.open': {
					onSave(scope);
					break;
				}

				default: {
					onCancel();
				}
			}
		},
	});

	const page = rows.slice(cursor.window.start, cursor.window.end);
	return (
		<DialogFrame title="Automatic sync scope" width={width}>
			<Text wrap="truncate">
				<Text bold color="green">{inScope === null ? 'Reading the owners of recent sales activity…' : `${formatCount(inScope)} of ${formatCount(users.length)} users in scope`}</Text>
				{complete ? '' : ' (so far: users are still loading)'}
				<Text dimColor>{' · nothing checked in a section means any'}</Text>
			</Text>
			{page.map((row, index) => {
				const highlighted = cursor.window.start + index === cursor.cursor;
				const mark = highlighted ? '›' : ' ';
				if (row.kind === 'heading') {
					return (
						<Text key={`h-${row.title}`} bold dimColor>
							{`  ${row.title}`}
						</Text>
					);
				}

				const checked = row.kind === 'active-only' ? scope.activeOnly : scope[row.list].includes(row.value);
				const label = row.kind === 'active-only' ? 'Active in Salesforce only' : `${toTerminalText(row.value)}  (${formatCount(row.users)})`;
				return (
					<Text key={row.kind === 'value' ? `${row.list}-${row.value}` : 'active'} wrap="truncate" inverse={highlighted}>
						{`${mark} [${checked ? 'x' : ' '}] ${label}`}
					</Text>
				);
			})}
			<Box>
				<Text dimColor>{`page ${cursor.window.page + 1} of ${cursor.window.pageCount}`}</Text>
			</Box>
		</DialogFrame>
	);
}
