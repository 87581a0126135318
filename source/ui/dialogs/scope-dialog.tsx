import {Box} from 'ink';
import {Text} from '../components/text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useMemo, useState} from 'react';
import type {SalesforceUser} from '../../core/salesforce-user.js';
import {countInScope, defaultActivityScope, salesObjects, type ActivityOwners, type ActivityScope, type SalesObject, type SyncScope} from '../../core/sync-scope.js';
import {toTerminalText} from '../../core/terminal-text.js';
import {DialogFrame, dialogTextWidth} from '../components/dialog-frame.js';
import {wrapText} from '../../core/wrap-text.js';
import {ownersOf, useActivityOwners} from '../hooks/use-activity-owners.js';
import {useListCursor} from '../hooks/use-list-cursor.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type ListKey = 'profiles' | 'roles' | 'departments' | 'userTypes';

type Props = {
	scope: SyncScope;
	/** The org's users as loaded now: the values to choose from, and the live count. */
	users: readonly SalesforceUser[];
	/** The owners of recent sales activity for the activity scope being edited, asked again at each change of it. */
	fetchActivityOwners: (activity: ActivityScope, signal: AbortSignal) => Promise<ActivityOwners>;
	describeError: (error: unknown) => string;
	/** Whether every user has arrived; the count says "so far" otherwise. */
	complete: boolean;
	width: number;
	height: number;
	onSave: (scope: SyncScope) => void;
	onCancel: () => void;
};

type Row =
	| {kind: 'heading'; title: string}
	| {kind: 'value'; list: ListKey; value: string; users: number}
	| {kind: 'active-only'}
	| {kind: 'activity'}
	| {kind: 'activity-object'; object: SalesObject}
	| {kind: 'activity-days'};

const scopeTitle = 'Automatic sync scope';

const objectLabels: Record<SalesObject, string> = {Opportunity: 'Opportunities', Task: 'Tasks', Event: 'Events'};

/** The choices Space steps through on the days row; a number set from the command line is kept among them. */
const dayChoices = [1, 7, 14, 30, 60, 90, 180, 365];

function nextDays(days: number): number {
	return dayChoices.find((choice) => choice > days) ?? dayChoices[0]!;
}

/**
 * The scope being edited, and the activity part kept while it is switched off, so that switching it on
 * again brings back the objects and days chosen before.
 */
type Draft = {scope: SyncScope; activity: ActivityScope};

function withActivity(draft: Draft, enabled: boolean, activity: ActivityScope = draft.activity): Draft {
	return {activity, scope: {...draft.scope, activity: enabled ? activity : null}};
}

/** What Space does on a row of the activity section. */
function toggleActivity(draft: Draft, row: Row): Draft {
	const enabled = Boolean(draft.scope.activity);
	if (row.kind === 'activity') {
		return withActivity(draft, !enabled);
	}

	if (row.kind === 'activity-days') {
		return withActivity(draft, true, {...draft.activity, days: nextDays(draft.activity.days)});
	}

	if (row.kind !== 'activity-object') {
		return draft;
	}

	// Checking an object while the rule is off turns it on for that object alone.
	if (!enabled) {
		return withActivity(draft, true, {...draft.activity, objects: [row.object]});
	}

	const has = draft.activity.objects.includes(row.object);
	const objects = salesObjects.filter((object) => (object === row.object ? !has : draft.activity.objects.includes(object)));
	// No object left means no activity asked about: the rule goes off, the objects chosen before are kept for later.
	return objects.length === 0 ? withActivity(draft, false) : withActivity(draft, true, {...draft.activity, objects});
}


const sections: ReadonlyArray<{list: ListKey; title: string; valueOf: (user: SalesforceUser) => string | null}> = [
	{list: 'userTypes', title: 'User types', valueOf: (user) => user.userType},
	{list: 'profiles', title: 'Profiles', valueOf: (user) => user.profileName},
	{list: 'roles', title: 'Roles', valueOf: (user) => user.roleName ?? null},
	{list: 'departments', title: 'Departments', valueOf: (user) => user.department},
];

/** The values present in the org, most common first, with how many users carry each. */
function rowsFor(users: readonly SalesforceUser[], scope: SyncScope): Row[] {
	const rows: Row[] = [
		{kind: 'active-only'},
		{kind: 'heading', title: "Sales activity (SalesScreen's rule)"},
		{kind: 'activity'},
		...salesObjects.map((object): Row => ({kind: 'activity-object', object})),
		{kind: 'activity-days'},
	];
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
export function ScopeDialog({scope: initial, users, fetchActivityOwners, describeError, complete, width, height, onSave, onCancel}: Props) {
	const [draft, setDraft] = useState<Draft>(() => ({scope: initial, activity: initial.activity ?? {...defaultActivityScope, objects: [...defaultActivityScope.objects]}}));
	const {scope} = draft;
	const rows = useMemo(() => rowsFor(users, initial), [users, initial]);
	// Read again for each change of objects or days, so the count follows the activity rule as it is edited.
	const ownersState = useActivityOwners(scope.activity, fetchActivityOwners, describeError);
	const owners = ownersOf(ownersState);
	const inScope = useMemo(() => countInScope(users, scope, owners), [users, scope, owners]);
	const countText =
		ownersState.status === 'failed'
			? `Owners of recent sales activity could not be read: ${ownersState.reason}`
			: inScope === null
				? 'Reading the owners of recent sales activity…'
				: `${formatCount(inScope)} of ${formatCount(users.length)} users in scope${complete ? '' : ' (so far: users are still loading)'}`;
	// The count and what an empty section means are read whole, wrapped; the list has the rows left.
	const intro = useMemo(
		() => [{text: countText, bold: true, color: ownersState.status === 'failed' ? 'red' : 'green'}, {text: 'Nothing checked in a section means any.', dim: true}],
		[countText, ownersState.status],
	);
	const introRows = intro.reduce((sum, line) => sum + wrapText(line.text, dialogTextWidth(width)).length, 0);
	const titleRows = wrapText(scopeTitle, dialogTextWidth(width)).length;
	// Border (2), title, intro, and the page line under the list.
	const listHeight = Math.max(3, height - 3 - titleRows - introRows);
	const cursor = useListCursor(rows.length, listHeight);

	const toggle = () => {
		const row = rows[cursor.cursor];
		if (row?.kind === 'active-only') {
			setDraft((current) => ({...current, scope: {...current.scope, activeOnly: !current.scope.activeOnly}}));
		} else if (row?.kind === 'value') {
			setDraft((current) => {
				const list = current.scope[row.list];
				return {...current, scope: {...current.scope, [row.list]: list.includes(row.value) ? list.filter((value) => value !== row.value) : [...list, row.value]}};
			});
		} else if (row) {
			setDraft((current) => toggleActivity(current, row));
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
		<DialogFrame title={scopeTitle} width={width} lines={intro}>
			{page.map((row, index) => {
				const highlighted = cursor.window.start + index === cursor.cursor;
				const mark = highlighted ? '›' : ' ';
				if (row.kind === 'heading') {
					return (
						<Text key={`h-${row.title}`} bold dimColor wrap="truncate">
							{`  ${row.title}`}
						</Text>
					);
				}

				const activityOn = Boolean(scope.activity);
				if (row.kind === 'activity-days') {
					return (
						<Text key="activity-days" wrap="truncate" inverse={highlighted} dimColor={!activityOn && !highlighted}>
							{`${mark}     created or changed in the last ${draft.activity.days === 1 ? 'day' : `${formatCount(draft.activity.days)} days`} (Space: ${formatCount(nextDays(draft.activity.days))})`}
						</Text>
					);
				}

				const {checked, label, key} =
					row.kind === 'active-only'
						? {checked: scope.activeOnly, label: 'Active in Salesforce only', key: 'active'}
						: row.kind === 'activity'
							? {checked: activityOn, label: 'Only users who own recent sales activity', key: 'activity'}
							: row.kind === 'activity-object'
								? {checked: activityOn && draft.activity.objects.includes(row.object), label: `  ${objectLabels[row.object]}`, key: `activity-${row.object}`}
								: {checked: scope[row.list].includes(row.value), label: `${toTerminalText(row.value)}  (${formatCount(row.users)})`, key: `${row.list}-${row.value}`};
				return (
					<Text key={key} wrap="truncate" inverse={highlighted} dimColor={row.kind === 'activity-object' && !activityOn && !highlighted}>
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
