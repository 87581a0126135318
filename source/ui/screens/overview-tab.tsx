import {Box} from 'ink';
import {Text} from '../components/text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useEffect, useState} from 'react';
import {refusalFor} from '../../core/admin-policy.js';
import {toTerminalText} from '../../core/terminal-text.js';
import type {AppServices, OrgDescription} from '../../app/app-services.js';
import {ConfirmDialog} from '../dialogs/confirm-dialog.js';
import {ConnectDialog} from '../dialogs/connect-dialog/connect-dialog.js';
import type {ConnectForm} from '../dialogs/connect-dialog/connect-wizard-state.js';
import type {OrgOverviewLoad} from '../hooks/use-org-overview.js';
import {clockTime, type ConnectionState} from '../connection-state.js';
import type {UsersLoad} from '../hooks/use-salesforce-users.js';
import {MenuList} from '../components/menu-list.js';
import {useMenu} from '../hooks/use-menu.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	services: Pick<AppServices, 'org' | 'dataFolder' | 'store' | 'demoPeopleSeeded' | 'lastSuccessfulCall' | 'connections' | 'describeError' | 'operatorRights'>;
	overview: OrgOverviewLoad;
	/** The header's state too: Overview words it at length. */
	connection: ConnectionState;
	usersLoad: UsersLoad;
	isFocused: boolean;
	onRetryUsers: () => void;
	/** Set when another tab asked to reconnect: the connect dialog opens at once. */
	connectRequested: boolean;
	onConnectHandled: () => void;
	width: number;
	height: number;
};

type Action = 'test' | 'connect' | 'disconnect';
type Overlay = 'none' | 'connect' | 'confirm-disconnect' | 'disconnecting';

const count = formatCount;

/** What the listing cost the org's daily allowance: " · 2 API calls" (nothing when the source does not count). */
function apiCallsText(apiCalls: number | undefined): string {
	return apiCalls === undefined ? '' : ` · ${count(apiCalls)} API call${apiCalls === 1 ? '' : 's'}`;
}

function Row({label, children, wrap = false}: {label: string; children: React.ReactNode; wrap?: boolean}) {
	return (
		// A one-line row keeps its line; a wrapped one takes what is left and is cut there, never drawn over the rows below.
		<Box height={wrap ? undefined : 1} flexShrink={wrap ? 1 : 0} overflow={wrap ? 'hidden' : undefined}>
			<Box width={18} flexShrink={0}>
				<Text dimColor>{label}</Text>
			</Box>
			<Text wrap={wrap ? 'wrap' : 'truncate'}>{children}</Text>
		</Box>
	);
}

function StatusText({state}: {state: ConnectionState}) {
	switch (state.kind) {
		case 'retrying': {
			return <Text color="yellow">{`checking… ${state.reason} Retrying (attempt ${state.attempt} of ${state.attempts}).`}</Text>;
		}

		case 'connecting':
		case 'checking': {
			return <Text color="yellow">checking…</Text>;
		}

		case 'loading-users': {
			return <Text color="yellow">Connected · loading users…</Text>;
		}

		case 'connected': {
			return <Text color="green">Connected and authorized</Text>;
		}

		case 'no-admin': {
			return <Text color="red">Connected, but import is blocked: no Salesforce admin rights</Text>;
		}

		case 'failed': {
			return (
				<Text color="red">{`${state.reconnect ? 'Session refused' : 'Not working'} since ${clockTime(state.since)}: ${state.message}${state.reconnect ? ' Choose Reconnect below.' : ' Test connection tries again.'}`}</Text>
			);
		}
	}
}

function connectionText(org: OrgDescription): string {
	if (org.source === 'demo') {
		return 'Built-in demo org (nothing saved). Connect to use your own org.';
	}

	if (org.source === 'flags') {
		return 'Access token from the command line, for this run only';
	}

	const how = {device: 'Device login', jwt: 'JWT bearer', token: 'Access token'}[org.method ?? 'token'];
	return `${how}${org.loginUrl ? ` via ${org.loginUrl}` : ''}, since ${org.connectedAt?.slice(0, 16).replace('T', ' ') ?? '?'} UTC`;
}

/** What the connection form starts with when renewing the saved connection. */
function presetFor(org: OrgDescription): Partial<ConnectForm> | undefined {
	if (org.source !== 'saved' || !org.method) {
		return undefined;
	}

	const known = org.loginUrl === 'https://login.salesforce.com' ? 'production' : org.loginUrl === 'https://test.salesforce.com' ? 'sandbox' : 'custom';
	return {method: org.method, login: known, customLoginUrl: known === 'custom' ? org.loginUrl ?? '' : '', username: org.username ?? '', instanceUrl: org.instanceUrl};
}

export function OverviewTab({services, overview, connection, usersLoad, isFocused, onRetryUsers, connectRequested, onConnectHandled, width, height}: Props) {
	const {state} = overview;
	const [overlay, setOverlay] = useState<Overlay>('none');
	const [message, setMessage] = useState<string | undefined>();
	const {org} = services;
	const ready = state.status === 'ready' ? state.overview : undefined;

	useEffect(() => {
		if (connectRequested) {
			onConnectHandled();
			void services.operatorRights().then((rights) => {
				const refusal = refusalFor('connect', rights);
				setMessage(refusal);
				setOverlay(refusal ? 'none' : 'connect');
			});
		}
	}, [connectRequested, onConnectHandled, services]);

	const test = () => {
		setMessage(undefined);
		overview.reload();
		if (usersLoad.status === 'failed') {
			onRetryUsers();
		}
	};

	const run = (action: Action): Promise<void> | undefined => {
		if (action === 'test') {
			test();
			return undefined;
		}

		// Said before the admin walks through a login that could not be saved anyway. The key's promise
		// makes the keys typed after it wait for the dialog it opens.
		return services.operatorRights().then((rights) => {
			const refusal = refusalFor(action, rights);
			setMessage(refusal);
			if (!refusal) {
				setOverlay(action === 'connect' ? 'connect' : 'confirm-disconnect');
			}
		});
	};

	const actions: Array<{label: string; value: Action}> = [
		{label: 'Test connection', value: 'test'},
		{label: org.source === 'saved' ? 'Reconnect…' : org.isDemo ? 'Connect your Salesforce org…' : 'Connect and save an org…', value: 'connect'},
		...(org.source === 'saved' ? [{label: 'Disconnect', value: 'disconnect' as const}] : []),
	];
	const menu = useMenu(actions, {
		onSelect(item) {
			return run(item.value);
		},
	});

	useKeyLayer(
		{
			priority: keyPriority.content,
			name: 'Overview',
			commands: ['action.retry', ...menu.commands],
			labels: {'action.retry': 'test connection', 'nav.open': 'choose'},
			onCommand(command) {
				if (command === 'action.retry') {
					test();
					return true;
				}

				const handler = menu.handlers[command];
				if (!handler) {
					return false;
				}

				const started = handler();
				return started instanceof Promise ? started : true;
			},
		},
		isFocused && overlay === 'none',
	);

	const lastCall = services.lastSuccessfulCall();

	if (overlay === 'connect') {
		return (
			<ConnectDialog
				services={services}
				preset={presetFor(org)}
				width={Math.min(width, 90)}
				height={height}
				onClose={(connected) => {
					setOverlay('none');
					setMessage(connected ? undefined : 'Not connected; nothing changed.');
				}}
			/>
		);
	}

	const details = [
		<Row key="status" wrap label="Status">
			{/* A failure is the one thing here worth several lines: it says what to do. */}
			<StatusText state={connection} />
		</Row>,
		<Row key="org" label="Org">
			{ready ? `${toTerminalText(ready.orgName)} (${ready.orgId}) · ${ready.isSandbox ? 'sandbox' : 'production'}` : '–'}
			{org.isDemo ? <Text color="yellow"> · DEMO ORG, built in</Text> : null}
		</Row>,
		<Row key="instance" label="Instance URL">
			{ready?.instanceUrl ?? org.instanceUrl}
		</Row>,
		<Row key="user" label="Connected user">
			{ready ? `${toTerminalText(ready.displayName)} <${toTerminalText(ready.username)}>` : '–'}
		</Row>,
		<Row key="rights" label="Admin rights">
			{ready ? (
				ready.adminRights.authorized ? (
					`yes: ${ready.adminRights.grantedBy.join(', ')}`
				) : (
					<Text color="red">{`NO. ${ready.adminRights.reason ?? ''}`}</Text>
				)
			) : (
				'–'
			)}
		</Row>,
		<Row key="api" label="API usage">
			{ready?.apiUsage ? `${count(ready.apiUsage.used)} of ${count(ready.apiUsage.max)} calls in the last 24 hours` : '–'}
		</Row>,
		<Row key="last-call" label="Last good call">
			{lastCall ? lastCall.toLocaleTimeString('en-GB') : 'none yet in this run'}
		</Row>,
		<Row key="connection" label="Connection">
			{connectionText(org)}
		</Row>,
		<Row key="users" label="Salesforce users">
			{usersLoad.status === 'done' ? `${count(usersLoad.total)} loaded${apiCallsText(usersLoad.apiCalls)}` : null}
			{usersLoad.status === 'loading' ? `loading… ${count(usersLoad.loaded)} of ${usersLoad.total === undefined ? '?' : count(usersLoad.total)}${apiCallsText(usersLoad.apiCalls)}` : null}
			{usersLoad.status === 'failed' ? <Text color="red">{usersLoad.message}</Text> : null}
		</Row>,
		...(usersLoad.status !== 'failed' && usersLoad.notice
			? [
					<Row wrap key="users-notice" label="Bulk API">
						<Text color="yellow">{usersLoad.notice}</Text>
					</Row>,
				]
			: []),
		<Row key="store" label="SalesScreen store">
			{services.store.name}
		</Row>,
		<Row key="folder" label="Data folder">
			{services.dataFolder}
		</Row>,
		...(services.demoPeopleSeeded > 0 && org.isDemo
			? [
					<Row key="demo" label="Demo data">
						{`${formatCount(services.demoPeopleSeeded)} existing SalesScreen people were seeded to show email mapping`}
					</Row>,
				]
			: []),
	];
	// The menu is what the admin acts with, so it keeps its lines on a short terminal; the details give way
	// from the bottom and say how many rows a taller terminal shows.
	const menuLines = overlay === 'none' || overlay === 'disconnecting' ? actions.length + 1 : 0;
	const room = Math.max(1, height - menuLines - (overlay === 'disconnecting' ? 1 : 0) - (message ? 2 : 0));
	const shownDetails = details.length > room ? details.slice(0, room - 1) : details;
	const hiddenDetails = details.length - shownDetails.length;

	return (
		<Box flexDirection="column" paddingX={1} height={height}>
			<Box flexDirection="column" flexShrink={1} overflow="hidden">
				{shownDetails}
				{hiddenDetails > 0 ? (
					<Text dimColor wrap="truncate">{`… ${hiddenDetails} more ${hiddenDetails === 1 ? 'row' : 'rows'}: a taller terminal shows ${hiddenDetails === 1 ? 'it' : 'them'}`}</Text>
				) : null}
			</Box>
			{overlay === 'confirm-disconnect' ? (
				<ConfirmDialog
					title="Disconnect"
					question={`Log out of ${org.instanceUrl} and forget the connection? The app then shows the demo org.`}
					width={Math.min(width - 2, 90)}
					height={height}
					onConfirm={() => {
						setOverlay('disconnecting');
						services.connections.disconnect().then(
							(loggedOut) => {
								setOverlay('none');
								setMessage(
									loggedOut
										? 'Disconnected and logged out at Salesforce.'
										: 'Disconnected here; Salesforce could not be told, so the token lasts until it expires.',
								);
							},
							(error: unknown) => {
								setOverlay('none');
								setMessage(`Not disconnected: ${services.describeError(error)}`);
							},
						);
					}}
					onCancel={() => {
						setOverlay('none');
					}}
				/>
			) : (
				<Box marginTop={1} flexDirection="column" flexShrink={0}>
					<MenuList items={actions} cursor={menu.cursor} isFocused={isFocused && overlay === 'none'} />
				</Box>
			)}
			{overlay === 'disconnecting' ? <Text color="yellow">Disconnecting…</Text> : null}
			{message ? (
				<Text color="yellow" wrap="wrap">
					{message}
				</Text>
			) : null}
		</Box>
	);
}
