import {Box, Text} from 'ink';
import React, {useEffect, useState} from 'react';
import type {AppServices, OrgOverview} from '../app-services.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import type {UsersLoad} from '../hooks/use-salesforce-users.js';
import {toTerminalText} from '../../core/terminal-text.js';

type Props = {
	services: Pick<AppServices, 'fetchOverview' | 'describeError' | 'org' | 'dataFolder' | 'demoPeopleSeeded'>;
	usersLoad: UsersLoad;
	isFocused: boolean;
	onRetryUsers: () => void;
};

type OverviewState = {status: 'loading'} | {status: 'ready'; overview: OrgOverview} | {status: 'failed'; message: string};

function Row({label, children}: {label: string; children: React.ReactNode}) {
	return (
		<Box height={1}>
			<Box width={18} flexShrink={0}>
				<Text dimColor>{label}</Text>
			</Box>
			<Text wrap="truncate">{children}</Text>
		</Box>
	);
}

export function OverviewTab({services, usersLoad, isFocused, onRetryUsers}: Props) {
	const [state, setState] = useState<OverviewState>({status: 'loading'});
	const [attempt, setAttempt] = useState(0);

	useEffect(() => {
		let current = true;
		setState({status: 'loading'});
		services.fetchOverview().then(
			(overview) => {
				if (current) {
					setState({status: 'ready', overview});
				}
			},
			(error: unknown) => {
				if (current) {
					setState({status: 'failed', message: services.describeError(error)});
				}
			},
		);
		return () => {
			current = false;
		};
	}, [services, attempt]);

	useKeyLayer(
		{
			priority: keyPriority.screen + 1,
			commands: ['action.retry'],
			labels: {'action.retry': 'test connection'},
			onCommand() {
				setAttempt((value) => value + 1);
				if (usersLoad.status === 'failed') {
					onRetryUsers();
				}
			},
		},
		isFocused,
	);

	const overview = state.status === 'ready' ? state.overview : undefined;
	return (
		<Box flexDirection="column" paddingX={1}>
			<Row label="Status">
				{state.status === 'loading' ? <Text color="yellow">checking…</Text> : null}
				{state.status === 'ready' ? <Text color="green">Connected and authorized</Text> : null}
				{state.status === 'failed' ? <Text color="red">{`Not reachable: ${state.message}`}</Text> : null}
			</Row>
			<Row label="Org">
				{overview ? `${toTerminalText(overview.orgName)} (${overview.orgId})${overview.isSandbox ? ' · sandbox' : ''}` : '–'}
				{services.org.isDemo ? <Text color="yellow"> · DEMO ORG, built in</Text> : null}
			</Row>
			<Row label="Instance URL">{services.org.instanceUrl}</Row>
			<Row label="Connected user">
				{overview ? `${toTerminalText(overview.displayName)} <${toTerminalText(overview.username)}>` : '–'}
			</Row>
			<Row label="API usage">
				{overview?.apiUsage ? `${overview.apiUsage.used.toLocaleString('en-US')} of ${overview.apiUsage.max.toLocaleString('en-US')} calls today` : '–'}
			</Row>
			<Row label="Salesforce users">
				{usersLoad.status === 'done' ? `${usersLoad.total.toLocaleString('en-US')} loaded` : null}
				{usersLoad.status === 'loading'
					? `loading… ${usersLoad.loaded.toLocaleString('en-US')} of ${usersLoad.total === undefined ? '?' : usersLoad.total.toLocaleString('en-US')}`
					: null}
				{usersLoad.status === 'failed' ? <Text color="red">{usersLoad.message}</Text> : null}
			</Row>
			<Row label="Data folder">{services.dataFolder}</Row>
			{services.demoPeopleSeeded > 0 ? (
				<Row label="Demo data">{`${services.demoPeopleSeeded} existing SalesScreen people were seeded to show email mapping`}</Row>
			) : null}
		</Box>
	);
}
