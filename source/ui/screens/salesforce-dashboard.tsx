import {Box} from 'ink';
import React, {useRef, useState} from 'react';
import type {ImportContext} from '../../core/import-context.js';
import {Selection} from '../../core/selection.js';
import type {AppServices, AppSettingsValues} from '../app-services.js';
import {TabBar} from '../components/tab-bar.js';
import type {SalesforceUsers} from '../hooks/use-salesforce-users.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import {OverviewTab} from './overview-tab.js';
import {SettingsTab} from './settings-tab.js';
import {UsersTab} from './users-tab.js';

export type DashboardTab = 'overview' | 'users' | 'settings';

const tabs: ReadonlyArray<{id: DashboardTab; title: string}> = [
	{id: 'overview', title: 'Overview'},
	{id: 'users', title: 'Users'},
	{id: 'settings', title: 'Settings'},
];

type Props = {
	services: AppServices;
	salesforce: SalesforceUsers;
	context: ImportContext;
	onImported: () => void;
	settings: AppSettingsValues;
	onChangeSetting: <K extends keyof AppSettingsValues>(key: K, value: AppSettingsValues[K]) => void;
	isFocused: boolean;
	onBack: () => void;
	width: number;
	height: number;
};

/** Salesforce › Manage: the integration's own tabs. */
export function SalesforceDashboard(props: Props) {
	const {services, salesforce, settings, isFocused, width, height} = props;
	const [tab, setTab] = useState<DashboardTab>('overview');
	// The selection belongs to the dashboard so that it survives a visit to another tab.
	const selection = useRef(new Selection()).current;

	const move = (step: number) => {
		const index = tabs.findIndex((candidate) => candidate.id === tab);
		setTab(tabs[(index + step + tabs.length) % tabs.length]!.id);
	};

	useKeyLayer(
		{
			priority: keyPriority.screen,
			commands: ['tab.next', 'tab.previous', 'nav.back'],
			onCommand(command) {
				if (command === 'nav.back') {
					props.onBack();
				} else {
					move(command === 'tab.next' ? 1 : -1);
				}
			},
		},
		isFocused,
	);

	const contentHeight = height - 2;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<TabBar tabs={tabs} active={tab} />
			<Box height={1} />
			{tab === 'overview' ? (
				<OverviewTab services={services} usersLoad={salesforce.load} isFocused={isFocused} onRetryUsers={salesforce.reload} />
			) : null}
			{tab === 'users' ? (
				<UsersTab
					salesforce={salesforce}
					selection={selection}
					context={props.context}
					services={services}
					pageSize={settings.pageSize}
					showAllUsers={settings.showAllUsers}
					onToggleShowAll={() => {
						props.onChangeSetting('showAllUsers', !settings.showAllUsers);
					}}
					onImported={props.onImported}
					onGoToOverview={() => {
						setTab('overview');
					}}
					isFocused={isFocused}
					width={width}
					height={contentHeight}
				/>
			) : null}
			{tab === 'settings' ? <SettingsTab settings={settings} readLastAutomaticSync={services.lastAutomaticSync} onChange={props.onChangeSetting} isFocused={isFocused} /> : null}
		</Box>
	);
}
