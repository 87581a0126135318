import {Box} from 'ink';
import React, {useCallback, useEffect, useRef, useState} from 'react';
import type {ImportContext} from '../../core/import-context.js';
import {Selection} from '../../core/selection.js';
import type {AppServices, AppSettingsValues} from '../../app/app-services.js';
import {TabBar} from '../components/tab-bar.js';
import type {OrgOverviewLoad} from '../hooks/use-org-overview.js';
import type {ConnectionState} from '../connection-state.js';
import type {SalesforceUsers} from '../hooks/use-salesforce-users.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import {HistoryTab} from './history-tab.js';
import {OverviewTab} from './overview-tab.js';
import {SettingsTab} from './settings-tab.js';
import {UsersTab} from './users-tab.js';

export type DashboardTab = 'overview' | 'users' | 'history' | 'settings';

const tabs: ReadonlyArray<{id: DashboardTab; title: string}> = [
	{id: 'overview', title: 'Overview'},
	{id: 'users', title: 'Users'},
	{id: 'history', title: 'History'},
	{id: 'settings', title: 'Settings'},
];

type Props = {
	services: AppServices;
	salesforce: SalesforceUsers;
	overview: OrgOverviewLoad;
	connection: ConnectionState;
	/** Changes when the app switches to another org. */
	generation: number;
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
	const [connectRequested, setConnectRequested] = useState(false);
	const onConnectHandled = useCallback(() => {
		setConnectRequested(false);
	}, []);
	// The selection belongs to the dashboard so that it survives a visit to another tab.
	const selection = useRef(new Selection()).current;
	// Checked users belong to the org they were listed from.
	useEffect(() => {
		selection.clear();
	}, [props.generation, selection]);

	// Who is already in SalesScreen is read again each time the Users tab comes into view: another
	// instance on a shared store, or the cron sync, may have imported some of the listed users meanwhile.
	const {onImported: rereadStore} = props;
	useEffect(() => {
		if (tab === 'users') {
			rereadStore();
		}
	}, [tab, rereadStore]);

	const move = (step: number) => {
		setTab((current) => {
			const index = tabs.findIndex((candidate) => candidate.id === current);
			return tabs[(index + step + tabs.length) % tabs.length]!.id;
		});
	};

	useKeyLayer(
		{
			priority: keyPriority.screen,
			name: 'Salesforce',
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
				<OverviewTab
					services={services}
					overview={props.overview}
					connection={props.connection}
					usersLoad={salesforce.load}
					isFocused={isFocused}
					onRetryUsers={salesforce.reload}
					connectRequested={connectRequested}
					onConnectHandled={onConnectHandled}
					width={width}
					height={contentHeight}
				/>
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
					importBlockedReason={importBlockedReason(props.overview)}
					connection={props.connection}
					onRetryConnection={() => {
						props.overview.reload();
						if (salesforce.load.status === 'failed') {
							salesforce.reload();
						}
					}}
					onReconnect={() => {
						setTab('overview');
						setConnectRequested(true);
					}}
					isFocused={isFocused}
					width={width}
					height={contentHeight}
				/>
			) : null}
			{tab === 'history' ? (
				<HistoryTab services={services} onStoreChanged={props.onImported} isFocused={isFocused} width={width} height={contentHeight} />
			) : null}
			{tab === 'settings' ? (
				<SettingsTab
					settings={settings}
					readLastAutomaticSync={services.lastAutomaticSync}
					onChange={props.onChangeSetting}
					users={salesforce.users}
					usersComplete={salesforce.load.status === 'done'}
					fetchActivityOwners={services.fetchActivityOwners}
					describeError={services.describeError}
					teams={services}
					isFocused={isFocused}
					width={width}
					height={contentHeight}
				/>
			) : null}
		</Box>
	);
}

/** Import needs a connected user with Salesforce admin rights; until that is known, it waits. */
function importBlockedReason({state}: OrgOverviewLoad): string | undefined {
	switch (state.status) {
		case 'loading': {
			return "The connected user's Salesforce rights are still being checked; try again in a moment.";
		}

		case 'failed': {
			return `The connection could not be checked, so import waits: ${state.message}`;
		}

		case 'ready': {
			return state.overview.adminRights.authorized ? undefined : state.overview.adminRights.reason;
		}
	}
}
