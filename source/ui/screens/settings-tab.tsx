import {Box} from 'ink';
import {Text} from '../components/text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useMemo, useState} from 'react';
import {settingDefinition, type SettingDefinition} from '../../core/setting-definitions.js';
import type {SalesforceUser} from '../../core/salesforce-user.js';
import {countInScope, type ActivityOwners, type ActivityScope} from '../../core/sync-scope.js';
import {ownersOf, useActivityOwners, type ActivityOwnersState} from '../hooks/use-activity-owners.js';
import type {AppServices, AppSettingsValues, AutomaticSyncSummary} from '../../app/app-services.js';
import {TeamPickerDialog} from '../dialogs/team-picker-dialog.js';
import {ScopeDialog} from '../dialogs/scope-dialog.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import {useStoreRead} from '../hooks/use-store-read.js';

type Props = {
	settings: AppSettingsValues;
	/** Read once when the tab opens, not on every key. */
	readLastAutomaticSync: () => Promise<AutomaticSyncSummary | undefined>;
	onChange: <K extends keyof AppSettingsValues>(key: K, value: AppSettingsValues[K]) => void;
	/** The org's users as loaded now, for the live count of the sync scope. */
	users: readonly SalesforceUser[];
	usersComplete: boolean;
	/** The owners of recent sales activity, for the count when the scope asks about activity. */
	fetchActivityOwners: (activity: ActivityScope, signal: AbortSignal) => Promise<ActivityOwners>;
	describeError: (error: unknown) => string;
	/** The teams to pick the default team from. */
	teams: Pick<AppServices, 'teams' | 'describeError'>;
	isFocused: boolean;
	width: number;
	height: number;
};

type SettingRow = {
	key: keyof AppSettingsValues;
	title: string;
	explain: (settings: AppSettingsValues) => string;
	value: (settings: AppSettingsValues) => string;
	/** The next value on Enter; undefined opens the row's own editor. */
	next?: (settings: AppSettingsValues) => AppSettingsValues[keyof AppSettingsValues];
};

// The tab's order: what sync does first, then how it matches, then what only changes the listing.
const tabOrder: ReadonlyArray<keyof AppSettingsValues> = ['autoSync', 'syncScope', 'defaultTeam', 'safeguardShare', 'matchFederationId', 'fillOnMap', 'pageSize', 'showAllUsers'];

function cycle<T>(values: readonly T[], current: T): T {
	return values[(values.indexOf(current) + 1) % values.length] ?? values[0]!;
}

function rowOf<K extends keyof AppSettingsValues>(key: K, liveNote: string): SettingRow {
	const tab = settingDefinition(key).tab! as NonNullable<SettingDefinition<AppSettingsValues[K]>['tab']>;
	const {choices} = tab;
	return {
		key,
		title: tab.title,
		value: (settings) => tab.show(settings[key]),
		// The scope's editor says what it would change, counted live.
		explain: (settings) => (key === 'syncScope' ? `${liveNote}. ${tab.explain(settings[key])}` : tab.explain(settings[key])),
		...(choices ? {next: (settings: AppSettingsValues) => cycle(choices, settings[key])} : {}),
	};
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
	return tabOrder.map((key) => rowOf(key, countText));
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

export function SettingsTab({settings, readLastAutomaticSync, onChange, users, usersComplete, fetchActivityOwners, describeError, teams, isFocused, width, height}: Props) {
	const [cursor, setCursor] = useState(0);
	const [editing, setEditing] = useState<'syncScope' | 'defaultTeam' | undefined>();
	const editingScope = editing !== undefined;
	const setEditingScope = (open: boolean) => setEditing(open ? 'syncScope' : undefined);
	const [lastAutomaticSync] = useStoreRead(readLastAutomaticSync, undefined);
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
							setEditing(row.key === 'defaultTeam' ? 'defaultTeam' : 'syncScope');
						}
					}
				}
			},
		},
		isFocused && !editingScope,
	);

	if (editing === 'defaultTeam') {
		return (
			<TeamPickerDialog
				title="Team for people sync brings in"
				question="Sync puts the people it creates or maps on this team, unless the team-from-Salesforce rule placed them:"
				services={teams}
				allowNone
				width={Math.min(width, 76)}
				height={height}
				onPick={async (teamId, teamName) => {
					onChange('defaultTeam', teamId === null ? '' : teamName);
					setEditing(undefined);
					return undefined;
				}}
				onCancel={() => {
					setEditing(undefined);
				}}
			/>
		);
	}

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
						{/* The highlighted setting is the one Enter changes: its value and what it means are shown whole, wrapped. */}
						<Text wrap={highlighted ? 'wrap' : 'truncate'} color={highlighted ? 'cyan' : undefined} bold={highlighted}>
							{`${highlighted ? '›' : ' '} ${row.title}: `}
							<Text inverse={highlighted}>{` ${row.value(settings)} `}</Text>
						</Text>
						{explain || highlighted ? (
							<Box paddingLeft={3}>
								<Text wrap={highlighted ? 'wrap' : 'truncate'} dimColor>
									{row.explain(settings)}
								</Text>
							</Box>
						) : null}
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
