import {Box, Text} from 'ink';
import React, {useState} from 'react';
import type {AppSettingsValues, AutomaticSyncSummary} from '../app-services.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	settings: AppSettingsValues;
	/** Read once when the tab opens, not on every key. */
	readLastAutomaticSync: () => AutomaticSyncSummary | undefined;
	onChange: <K extends keyof AppSettingsValues>(key: K, value: AppSettingsValues[K]) => void;
	isFocused: boolean;
};

const pageSizes = [0, 10, 25, 50, 100];

type SettingRow = {
	key: keyof AppSettingsValues;
	title: string;
	explain: (settings: AppSettingsValues) => string;
	value: (settings: AppSettingsValues) => string;
	next: (settings: AppSettingsValues) => AppSettingsValues[keyof AppSettingsValues];
};

const rows: SettingRow[] = [
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
		key: 'pageSize',
		title: 'Users per page',
		value: (settings) => (settings.pageSize === 0 ? 'fit the terminal' : String(settings.pageSize)),
		explain: () => 'How many users the Users tab shows on one page.',
		next: (settings) => pageSizes[(pageSizes.indexOf(settings.pageSize) + 1) % pageSizes.length] ?? 0,
	},
	{
		key: 'showAllUsers',
		title: 'List inactive and non-Standard users',
		value: (settings) => (settings.showAllUsers ? 'yes' : 'no'),
		explain: () => 'Off lists only active Standard users, the ones Import users can bring in.',
		next: (settings) => !settings.showAllUsers,
	},
];

function describeLastSync(run: AutomaticSyncSummary | undefined): string {
	if (!run) {
		return 'Last automatic sync: never ran.';
	}

	const when = run.startedAt.replace('T', ' ').slice(0, 16);
	return run.status === 'failed'
		? `Last automatic sync: ${when} UTC, failed: ${run.error ?? 'unknown error'}`
		: `Last automatic sync: ${when} UTC, created ${run.created}, mapped ${run.mapped}, skipped ${run.skipped}.`;
}

export function SettingsTab({settings, readLastAutomaticSync, onChange, isFocused}: Props) {
	const [cursor, setCursor] = useState(0);
	const [lastAutomaticSync] = useState(readLastAutomaticSync);

	useKeyLayer(
		{
			priority: keyPriority.screen + 1,
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
						if (row) {
							onChange(row.key, row.next(settings));
						}
					}
				}
			},
		},
		isFocused,
	);

	return (
		<Box flexDirection="column" paddingX={1}>
			{rows.map((row, index) => {
				const highlighted = index === cursor;
				return (
					<Box key={row.key} flexDirection="column" marginBottom={1}>
						<Text wrap="truncate" color={highlighted ? 'cyan' : undefined} bold={highlighted}>
							{`${highlighted ? '›' : ' '} ${row.title}: `}
							<Text inverse={highlighted}>{` ${row.value(settings)} `}</Text>
						</Text>
						<Text wrap="truncate" dimColor>{`   ${row.explain(settings)}`}</Text>
					</Box>
				);
			})}
			<Text wrap="truncate">{describeLastSync(lastAutomaticSync)}</Text>
			<Text dimColor wrap="truncate">
				Saved as soon as changed.
			</Text>
		</Box>
	);
}
