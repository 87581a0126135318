import {Box} from 'ink';
import {Text} from '../components/text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useMemo, useState} from 'react';
import {fillOnMapValues, type FillOnMap} from '../../core/fill-on-map.js';
import type {SalesforceUser} from '../../core/salesforce-user.js';
import {countInScope, describeSyncScope, type ActivityOwners, type ActivityScope} from '../../core/sync-scope.js';
import {ownersOf, useActivityOwners, type ActivityOwnersState} from '../hooks/use-activity-owners.js';
import type {AppSettingsValues, AutomaticSyncSummary} from '../../app/app-services.js';
import {ScopeDialog} from '../dialogs/scope-dialog.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	settings: AppSettingsValues;
	/** Read once when the tab opens, not on every key. */
	readLastAutomaticSync: () => AutomaticSyncSummary | undefined;
	onChange: <K extends keyof AppSettingsValues>(key: K, value: AppSettingsValues[K]) => void;
	/** The org's users as loaded now, for the live count of the sync scope. */
	users: readonly SalesforceUser[];
	usersComplete: boolean;
	/** The owners of recent sales activity, for the count when the scope asks about activity. */
	fetchActivityOwners: (activity: ActivityScope, signal: AbortSignal) => Promise<ActivityOwners>;
	describeError: (error: unknown) => string;
	isFocused: boolean;
	width: number;
	height: number;
};

const pageSizes = [0, 10, 25, 50, 100];
const safeguardShares = [0.05, 0.1, 0.2, 0.3, 0.5, 1];
const fillWords: Record<FillOnMap, string> = {none: 'nothing', name: 'name', title: 'title', 'name-title': 'name and title'};

type SettingRow = {
	key: keyof AppSettingsValues;
	title: string;
	explain: (settings: AppSettingsValues) => string;
	value: (settings: AppSettingsValues) => string;
	/** The next value on Enter; undefined opens the row's own editor. */
	next?: (settings: AppSettingsValues) => AppSettingsValues[keyof AppSettingsValues];
};

function cycle<T>(values: readonly T[], current: T): T {
	return values[(values.indexOf(current) + 1) % values.length] ?? values[0]!;
}

/** The live count beside the scope: a number once everything it needs is read. */
function scopeCount(inScope: number | null, owners: ActivityOwnersState, users: readonly SalesforceUser[], usersComplete: boolean): string {
	if (owners.status === 'failed') {
		return `Owners of recent sales activity could not be read: ${owners.reason}`;
	}

	if (inScope === null) {
		return 'Reading the owners of recent sales activity…';
	}

	return `${formatCount(inScope)} of ${formatCount(users.length)} users in scope${usersComplete ? '' : ' so far'}`;
}

function rowsFor(countText: string): SettingRow[] {
	return [
		{
			key: 'autoSync',
			title: 'Automatically sync users',
			value: (settings) => (settings.autoSync ? 'on' : 'off'),
			explain: (settings) =>
				settings.autoSync
					? 'The sync command (cron or a systemd timer) imports eligible Salesforce users.'
					: 'Nothing is imported unless an admin runs Import users.',
			next: (settings) => !settings.autoSync,
		},
		{
			key: 'syncScope',
			title: 'Users automatic sync takes',
			value: (settings) => describeSyncScope(settings.syncScope),
			explain: () =>
				`${countText}. Enter chooses sales activity, profiles, roles, departments, user types.`,
		},
		{
			key: 'safeguardShare',
			title: 'Hold a sync that would deactivate more than',
			value: (settings) => `${Math.round(settings.safeguardShare * 100)}% of linked people`,
			explain: () => 'Such a run changes nothing until an admin releases it (History tab, R).',
			next: (settings) => cycle(safeguardShares, settings.safeguardShare),
		},
		{
			key: 'matchFederationId',
			title: 'Also match by FederationIdentifier',
			value: (settings) => (settings.matchFederationId ? 'on' : 'off'),
			explain: () => 'When no person has the email, map to the person whose federation id matches.',
			next: (settings) => !settings.matchFederationId,
		},
		{
			key: 'fillOnMap',
			title: 'When mapping, overwrite from Salesforce',
			value: (settings) => fillWords[settings.fillOnMap],
			explain: () => "A mapped person's other data is never touched.",
			next: (settings) => cycle(fillOnMapValues, settings.fillOnMap),
		},
		{
			key: 'pageSize',
			title: 'Users per page',
			value: (settings) => (settings.pageSize === 0 ? 'fit the terminal' : String(settings.pageSize)),
			explain: () => 'How many users the Users tab shows on one page.',
			next: (settings) => cycle(pageSizes, settings.pageSize),
		},
		{
			key: 'showAllUsers',
			title: 'List inactive and non-Standard users',
			value: (settings) => (settings.showAllUsers ? 'yes' : 'no'),
			explain: () => 'Off lists only active Standard users, the ones Import users can bring in.',
			next: (settings) => !settings.showAllUsers,
		},
	];
}

function describeLastSync(run: AutomaticSyncSummary | undefined): string {
	if (!run) {
		return 'Last automatic sync: never ran.';
	}

	const when = run.startedAt.replace('T', ' ').slice(0, 16);
	return run.status === 'failed'
		? `Last automatic sync: ${when} UTC, failed: ${run.error ?? 'unknown error'}`
		: `Last automatic sync: ${when} UTC, ${run.status === 'held' ? 'held by the safeguard, ' : ''}created ${formatCount(run.created)}, mapped ${formatCount(run.mapped)}, skipped ${formatCount(run.skipped)}.`;
}

export function SettingsTab({settings, readLastAutomaticSync, onChange, users, usersComplete, fetchActivityOwners, describeError, isFocused, width, height}: Props) {
	const [cursor, setCursor] = useState(0);
	const [editingScope, setEditingScope] = useState(false);
	const [lastAutomaticSync] = useState(readLastAutomaticSync);
	// Counted when the scope or the list changes, not on every move of the cursor over 100,000 users.
	const activityOwners = useActivityOwners(settings.syncScope.activity, fetchActivityOwners, describeError);
	const owners = ownersOf(activityOwners);
	const inScope = useMemo(() => countInScope(users, settings.syncScope, owners), [users, users.length, settings.syncScope, owners]);
	const rows = rowsFor(scopeCount(inScope, activityOwners, users, usersComplete));
	// Two lines a setting; on a short terminal the explanations give way first.
	const explain = rows.length * 2 + 3 <= height;

	useKeyLayer(
		{
			priority: keyPriority.content,
			name: 'Settings',
			commands: ['nav.up', 'nav.down', 'selection.toggle', 'nav.open'],
			labels: {'selection.toggle': 'change', 'nav.open': 'change'},
			onCommand(command) {
				switch (command) {
					case 'nav.up': {
						setCursor((value) => Math.max(0, value - 1));
						break;
					}

					case 'nav.down': {
						setCursor((value) => Math.min(rows.length - 1, value + 1));
						break;
					}

					default: {
						const row = rows[cursor];
						if (row?.next) {
							onChange(row.key, row.next(settings));
						} else if (row) {
							setEditingScope(true);
						}
					}
				}
			},
		},
		isFocused && !editingScope,
	);

	if (editingScope) {
		return (
			<ScopeDialog
				scope={settings.syncScope}
				users={users}
				fetchActivityOwners={fetchActivityOwners}
				describeError={describeError}
				complete={usersComplete}
				width={Math.min(width, 90)}
				height={height}
				onSave={(scope) => {
					onChange('syncScope', scope);
					setEditingScope(false);
				}}
				onCancel={() => {
					setEditingScope(false);
				}}
			/>
		);
	}

	return (
		<Box flexDirection="column" paddingX={1}>
			{rows.map((row, index) => {
				const highlighted = index === cursor;
				return (
					<Box key={row.key} flexDirection="column">
						<Text wrap="truncate" color={highlighted ? 'cyan' : undefined} bold={highlighted}>
							{`${highlighted ? '›' : ' '} ${row.title}: `}
							<Text inverse={highlighted}>{` ${row.value(settings)} `}</Text>
						</Text>
						{explain || highlighted ? <Text wrap="truncate" dimColor>{`   ${row.explain(settings)}`}</Text> : null}
					</Box>
				);
			})}
			<Box marginTop={1}>
				<Text wrap="truncate">{describeLastSync(lastAutomaticSync)}</Text>
			</Box>
			<Text dimColor wrap="truncate">
				Saved as soon as changed.
			</Text>
		</Box>
	);
}
