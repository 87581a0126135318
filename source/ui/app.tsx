import {Box, useApp} from 'ink';
import React, {useCallback, useState} from 'react';
import type {AppServices, AppSettingsValues} from './app-services.js';
import {Footer} from './components/footer.js';
import {Header} from './components/header.js';
import {Sidebar, sidebarWidthFor, type Section} from './components/sidebar.js';
import {useOrgGeneration} from './hooks/use-org-generation.js';
import {useOrgOverview} from './hooks/use-org-overview.js';
import {useSalesforceUsers} from './hooks/use-salesforce-users.js';
import {useTerminalSize, type TerminalSize} from './hooks/use-terminal-size.js';
import {KeyDispatcherProvider, keyPriority, useKeyLayer} from './keys/key-dispatcher.js';
import {ComingNextScreen} from './screens/coming-next-screen.js';
import {IntegrationsScreen} from './screens/integrations-screen.js';
import {SalesforceDashboard} from './screens/salesforce-dashboard.js';

type Props = {
	services: AppServices;
	/** Fixed size for tests; the real terminal's otherwise. */
	size?: TerminalSize;
};

export function App({services, size}: Props) {
	return (
		<KeyDispatcherProvider>
			<Shell services={services} size={size} />
		</KeyDispatcherProvider>
	);
}

type Focus = 'sidebar' | 'content';

function Shell({services, size}: Props) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize(size);
	const [focus, setFocus] = useState<Focus>('sidebar');
	const [section, setSection] = useState<Section>('integrations');
	const [salesforceOpen, setSalesforceOpen] = useState(false);
	const [settings, setSettings] = useState<AppSettingsValues>(() => services.readSettings());
	const [context, setContext] = useState(() => services.loadImportContext());
	const [message, setMessage] = useState<string | undefined>();
	const generation = useOrgGeneration(services);
	const salesforce = useSalesforceUsers(services, generation);
	const overview = useOrgOverview(services, generation);

	useKeyLayer({
		priority: keyPriority.app,
		commands: ['app.quit'],
		onCommand() {
			exit();
		},
	});

	const changeSetting = useCallback(
		<K extends keyof AppSettingsValues>(key: K, value: AppSettingsValues[K]) => {
			try {
				services.writeSetting(key, value);
				setSettings((current) => ({...current, [key]: value}));
				setMessage(undefined);
			} catch (error: unknown) {
				setMessage(`Setting not saved: ${services.describeError(error)}`);
			}
		},
		[services],
	);

	const refreshContext = useCallback(() => {
		setContext(services.loadImportContext());
	}, [services]);

	// Ink 6 clears the whole terminal when a frame fills it: keep one row spare.
	const height = Math.max(8, rows - 1);
	const bodyHeight = height - 2;
	const sidebarWidth = sidebarWidthFor(columns);
	const contentWidth = Math.max(20, columns - sidebarWidth - 1);
	const contentFocused = focus === 'content';
	const {load} = salesforce;
	const unauthorized = overview.state.status === 'ready' && !overview.state.overview.adminRights.authorized;
	const check = overview.state;
	const connection =
		check.status === 'failed' || load.status === 'failed'
			? {text: (check.status === 'failed' && check.reconnect) || (load.status === 'failed' && load.reconnect) ? 'session refused · reconnect' : 'not working', color: 'red'}
			: load.status === 'loading'
				? {text: load.retry ? `retrying (${load.retry.attempt} of ${load.retry.attempts})` : load.loaded === 0 ? 'connecting…' : 'connected · loading users', color: 'yellow'}
				: unauthorized
					? {text: 'connected · no admin rights', color: 'red'}
					: {text: 'connected', color: 'green'};
	const salesforceStatus =
		load.status === 'failed'
			? 'Error: cannot reach the org'
			: load.status === 'loading' && load.loaded === 0
				? 'Connecting…'
				: `Connected${services.org.isDemo ? ' (DEMO ORG)' : ''} · ${load.status === 'done' ? `${load.total.toLocaleString('en-US')} users` : 'loading users…'}`;

	return (
		<Box flexDirection="column" width={columns} height={height}>
			<Header
				width={columns}
				orgName={overview.state.status === 'ready' ? overview.state.overview.orgName : services.org.isDemo ? 'Demo org' : services.org.instanceUrl}
				isDemo={services.org.isDemo}
				connection={connection.text}
				connectionColor={connection.color}
			/>
			<Box height={bodyHeight}>
				<Sidebar
					width={sidebarWidth}
					height={bodyHeight}
					isFocused={focus === 'sidebar'}
					section={section}
					onHighlight={(next) => {
						setSection(next);
						setSalesforceOpen(false);
					}}
					onOpen={() => {
						setFocus('content');
					}}
				/>
				<Box flexDirection="column" width={contentWidth} height={bodyHeight} paddingLeft={1} overflow="hidden">
					{section === 'integrations' && !salesforceOpen ? (
						<IntegrationsScreen
							isFocused={contentFocused}
							salesforceStatus={salesforceStatus}
							onManageSalesforce={() => {
								setSalesforceOpen(true);
							}}
							onBack={() => {
								setFocus('sidebar');
							}}
						/>
					) : null}
					{section === 'integrations' && salesforceOpen ? (
						<SalesforceDashboard
							services={services}
							salesforce={salesforce}
							overview={overview}
							generation={generation}
							context={context}
							onImported={refreshContext}
							settings={settings}
							onChangeSetting={changeSetting}
							isFocused={contentFocused}
							onBack={() => {
								setSalesforceOpen(false);
							}}
							width={contentWidth - 1}
							height={bodyHeight}
						/>
					) : null}
					{section === 'people' ? (
						<ComingNextScreen title="People" isFocused={contentFocused} onBack={() => setFocus('sidebar')} />
					) : null}
					{section === 'teams' ? (
						<ComingNextScreen title="Teams" isFocused={contentFocused} onBack={() => setFocus('sidebar')} />
					) : null}
				</Box>
			</Box>
			<Footer width={columns} message={message} />
		</Box>
	);
}
