import {Box, useApp} from 'ink';
import {Text} from './components/text.js';
import {formatCount} from '../core/number-format.js';
import React, {useCallback, useEffect, useState} from 'react';
import type {AppServices, AppSettingsValues} from '../app/app-services.js';
import {Footer, useFooterRows} from './components/footer.js';
import {Header} from './components/header.js';
import {connectionHeadline, connectionState} from './connection-state.js';
import {Sidebar, sidebarWidthFor, type Section} from './components/sidebar.js';
import {useOrgGeneration} from './hooks/use-org-generation.js';
import {useStoreRead} from './hooks/use-store-read.js';
import {emptyImportContext} from '../core/import-context.js';
import {useOrgOverview} from './hooks/use-org-overview.js';
import {useSalesforceUsers} from './hooks/use-salesforce-users.js';
import {useTerminalSize, type TerminalSize} from './hooks/use-terminal-size.js';
import {KeyHelp} from './components/key-help.js';
import {KeyDispatcherProvider, keyPriority, useKeyHelp, useKeyLayer} from './keys/key-dispatcher.js';
import {FirstAdminForm, FirstAdminOffer} from './dialogs/first-admin-dialog.js';
import {IntegrationsScreen} from './screens/integrations-screen.js';
import {PeopleScreen} from './screens/people-screen.js';
import {SalesforceDashboard} from './screens/salesforce-dashboard.js';
import {TeamsScreen} from './screens/teams-screen.js';
import {ServicesProvider} from './services-context.js';
import {LookProvider} from './look/look-context.js';
import {colorfulLook, type TerminalLook} from './look/terminal-look.js';

type Props = {
	services: AppServices;
	/** Colours and layout for this terminal (NO_COLOR, --plain); colourful full screen when not given. */
	look?: TerminalLook;
	/** Fixed size for tests; the real terminal's otherwise. */
	size?: TerminalSize;
};

export function App({services, size, look = colorfulLook}: Props) {
	return (
		<LookProvider look={look}>
			<KeyDispatcherProvider>
				<ServicesProvider value={services}>
					<Shell services={services} size={size} />
				</ServicesProvider>
			</KeyDispatcherProvider>
		</LookProvider>
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
	// Empty only until the store's first answer, which comes before any user is listed.
	const [context, reloadContext] = useStoreRead(services.loadImportContext, emptyImportContext());
	const [message, setMessage] = useState<string | undefined>();
	// While no one administers the store, the operator is asked on start whether to become its first admin.
	const [firstAdmin, setFirstAdmin] = useState<'offer' | 'form' | 'closed'>('closed');
	useEffect(() => {
		void services.operatorRights().then((rights) => {
			if (rights.bootstrap) {
				setFirstAdmin('offer');
			}
		});
	}, [services]);
	const [firstAdminNote, setFirstAdminNote] = useState<string | undefined>();
	const generation = useOrgGeneration(services);
	const salesforce = useSalesforceUsers(services, generation, settings.showAllUsers);
	const overview = useOrgOverview(services, generation);
	const help = useKeyHelp();

	const tooSmall = columns < minimumSize.columns || rows < minimumSize.rows;
	// Between the minimum and a wide terminal the sidebar folds away while the content has the keys.
	const sidebarShown = columns >= sidebarFoldsBelow || focus === 'sidebar';

	useKeyLayer({
		priority: keyPriority.app,
		commands: sidebarShown ? ['app.quit'] : ['app.quit', 'view.menu'],
		onCommand(command) {
			if (command === 'view.menu') {
				setFocus('sidebar');
			} else {
				exit();
			}
		},
	});

	// Too small a terminal gets a sentence, not a broken frame; nothing behind it takes keys but quit.
	useKeyLayer({priority: keyPriority.tooSmall, modal: true, commands: ['app.quit'], onCommand: () => exit()}, tooSmall);

	const changeSetting = useCallback(
		<K extends keyof AppSettingsValues>(key: K, value: AppSettingsValues[K]) => {
			services.writeSetting(key, value).then(
				() => {
					setSettings((current) => ({...current, [key]: value}));
					setMessage(undefined);
				},
				(error: unknown) => {
					setMessage(`Setting not saved: ${services.describeError(error)}`);
				},
			);
		},
		[services],
	);

	const refreshContext = reloadContext;

	// The previews follow the org's rules: a sandbox's emails are matched without .invalid once Overview
	// has said the org is one, and another org brings its own. Settings that change matching do too.
	const sandbox = overview.state.status === 'ready' ? overview.state.overview.isSandbox : undefined;
	useEffect(() => {
		refreshContext();
	}, [refreshContext, generation, sandbox, settings.matchFederationId, settings.fillOnMap]);

	const highlightSection = useCallback((next: Section) => {
		setSection(next);
		setSalesforceOpen(false);
	}, []);
	const openSection = useCallback(() => {
		setFocus('content');
		// Going on to work is "not now": the question waits for the next run (and People offers it).
		setFirstAdmin((stage) => (stage === 'offer' ? 'closed' : stage));
		setFirstAdminNote(undefined);
	}, []);

	// Ink 6 clears the whole terminal when a frame fills it: keep one row spare.
	const height = Math.max(8, rows - 1);
	const footerRows = useFooterRows(columns, message);
	const bodyHeight = height - 1 - footerRows;
	const sidebarWidth = sidebarShown ? sidebarWidthFor(columns) : 0;
	const contentWidth = Math.max(20, columns - sidebarWidth - 1);
	// ink-select-input reads keys itself: nothing may listen while the frame is not drawn.
	const contentFocused = focus === 'content' && !tooSmall;
	const {load} = salesforce;
	const connectionNow = connectionState(overview.state, load);
	const connection = connectionHeadline(connectionNow);
	const salesforceStatus =
		connectionNow.kind === 'failed'
			? 'Error: cannot reach the org'
			: load.status === 'loading' && load.loaded === 0
				? 'Connecting…'
				: `Connected${services.org.isDemo ? ' (DEMO ORG)' : ''} · ${load.status === 'done' ? `${formatCount(load.total)} users` : 'loading users…'}`;

	return (
		<>
			{tooSmall ? <TooSmall columns={columns} rows={rows} /> : null}
			{/* Hidden, not unmounted: what the admin checked and loaded is still there once the window grows. */}
			<Box flexDirection="column" width={columns} height={height} display={tooSmall ? 'none' : 'flex'}>
				<Header
					width={columns}
					orgName={overview.state.status === 'ready' ? overview.state.overview.orgName : services.org.isDemo ? 'Demo org' : services.org.instanceUrl}
					isDemo={services.org.isDemo}
					connection={connection.text}
					connectionColor={connection.color}
					menuKey={sidebarShown ? undefined : 'M'}
					sharedStore={services.store.shared ? services.store.name : undefined}
				/>
				<Box height={bodyHeight}>
					{sidebarShown ? (
						<Sidebar
							width={sidebarWidth}
							height={bodyHeight}
							isFocused={focus === 'sidebar' && firstAdmin !== 'form' && !tooSmall}
							section={section}
							onHighlight={highlightSection}
							onOpen={openSection}
						/>
					) : null}
					{help ? (
						<Box width={contentWidth} height={bodyHeight} paddingLeft={1}>
							<KeyHelp groups={help} width={contentWidth - 1} height={bodyHeight} />
						</Box>
					) : null}
					{/* Hidden, not unmounted, under the help: the screen keeps its cursor, filter and dialog. */}
					<Box display={help ? 'none' : 'flex'} flexDirection="column" width={contentWidth} height={bodyHeight} paddingLeft={1} overflowY="hidden">
						{firstAdmin === 'offer' && focus === 'sidebar' ? (
							<FirstAdminOffer login={services.operator} width={Math.min(contentWidth - 1, 76)} height={Math.max(6, bodyHeight - integrationsRows)} onAccept={() => setFirstAdmin('form')} onDecline={() => setFirstAdmin('closed')} />
						) : null}
						{firstAdmin === 'form' ? (
							<FirstAdminForm
								services={services}
								width={Math.min(contentWidth - 1, 76)}
								onDone={(done) => {
									setFirstAdmin(done === undefined ? 'offer' : 'closed');
									setFirstAdminNote(done);
								}}
							/>
						) : null}
						{firstAdminNote && focus === 'sidebar' ? (
							<Box marginBottom={1}>
								<Text color="green" wrap="wrap">
									{firstAdminNote}
								</Text>
							</Box>
						) : null}
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
								connection={connectionNow}
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
							<PeopleScreen services={services} isFocused={contentFocused} onBack={() => setFocus('sidebar')} width={contentWidth - 1} height={bodyHeight} />
						) : null}
						{section === 'teams' ? (
							<TeamsScreen
								services={services}
								teamRule={settings.teamFromSalesforce}
								onChangeTeamRule={(rule) => {
									changeSetting('teamFromSalesforce', rule);
								}}
								isFocused={contentFocused}
								onBack={() => setFocus('sidebar')}
								width={contentWidth - 1}
								height={bodyHeight}
							/>
						) : null}
					</Box>
				</Box>
				<Footer width={columns} message={message} />
		</Box>
		</>
	);
}

/** What the frame needs to show a table with its status line, a dialog and the keys without breaking. */
export const minimumSize = {columns: 60, rows: 18} as const;
/** Below this width the table gets the sidebar's columns while the content has the keys. */
export const sidebarFoldsBelow = 100;
/** What the Integrations screen under the first-admin question needs; the question, which cannot scroll, has the rest. */
const integrationsRows = 5;

function TooSmall({columns, rows}: TerminalSize) {
	return (
		<Box flexDirection="column" width={columns}>
			<Text wrap="wrap">{`salesscreen needs a terminal of at least ${minimumSize.columns}×${minimumSize.rows}.`}</Text>
			<Text wrap="wrap">{`This one is ${columns}×${rows}: make the window larger, or q to quit.`}</Text>
		</Box>
	);
}
