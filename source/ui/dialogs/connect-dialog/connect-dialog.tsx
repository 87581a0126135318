import {Box} from 'ink';
import {Text} from '../../components/text.js';
import React, {useEffect, useReducer, useRef} from 'react';
import {toTerminalText} from '../../../core/terminal-text.js';
import type {AppServices} from '../../../app/app-services.js';
import {DialogFrame} from '../../components/dialog-frame.js';
import {MenuList} from '../../components/menu-list.js';
import {TextField} from '../../components/text-field.js';
import {useMenu} from '../../hooks/use-menu.js';
import {useTextEntry} from '../../hooks/use-text-entry.js';
import {keyPriority, useKeyLayer} from '../../keys/key-dispatcher.js';
import type {Command} from '../../keys/key-bindings.js';
import {initialWizardState, loginUrlOf, wizardReducer, type ConnectForm, type ConnectMethod, type FieldName, type LoginChoice} from './connect-wizard-state.js';
import {DeviceCodePanel} from './device-code-panel.js';

type Props = {
	services: Pick<AppServices, 'connections' | 'describeError'>;
	/** Starts with these answers, e.g. the method and login URL of the connection being renewed. */
	preset?: Partial<ConnectForm>;
	width: number;
	height: number;
	onClose: (connected: boolean) => void;
};

const methodItems: Array<{label: string; value: ConnectMethod}> = [
	{label: 'Device login: approve in a browser on any device (for SSH)', value: 'device'},
	{label: 'JWT bearer: a connected app and your key, for unattended sync', value: 'jwt'},
	{label: 'Access token and instance URL: a session you already have', value: 'token'},
];

const loginItems: Array<{label: string; value: LoginChoice}> = [
	{label: 'Production  login.salesforce.com', value: 'production'},
	{label: 'Sandbox     test.salesforce.com', value: 'sandbox'},
	{label: 'My Domain or another URL…', value: 'custom'},
];

const fields: Record<FieldName, {label: string; placeholder: string; hint: string}> = {
	customLoginUrl: {label: 'Login URL', placeholder: 'https://acme.my.salesforce.com', hint: "Your org's My Domain address (plain http only for a demo org on this machine)."},
	clientId: {label: 'Client id', placeholder: 'consumer key', hint: "The connected app's consumer key. PlatformCLI is the Salesforce CLI's app, in every org."},
	username: {label: 'Username', placeholder: 'admin@acme.com', hint: 'The Salesforce user the sync acts as; they must have approved the connected app.'},
	keyFile: {label: 'Private key file', placeholder: '/home/you/.salesscreen/server.key', hint: 'The PEM key whose certificate the connected app holds. It is read, never copied.'},
	instanceUrl: {label: 'Instance URL', placeholder: 'https://acme.my.salesforce.com', hint: 'The org\'s address, as "sf org display" shows it.'},
	accessToken: {label: 'Access token', placeholder: '00D…!…', hint: 'Pasted text shows as dots. The token is saved owner-only and never shown.'},
};

/** Connect, or reconnect, an org: one question at a time, then the device code or the result. */
export function ConnectDialog({services, preset, width, height, onClose}: Props) {
	const [state, dispatch] = useReducer(wizardReducer, preset, initialWizardState);
	const {form, phase, step} = state;

	const running = useRef<AbortController | undefined>(undefined);
	useEffect(() => {
		if (state.submission === 0) {
			return undefined;
		}

		const controller = new AbortController();
		running.current = controller;
		const {connections} = services;
		const run = async () => {
			switch (form.method) {
				case 'device': {
					const loginUrl = loginUrlOf(form);
					const code = await connections.requestDeviceCode(loginUrl, form.clientId.trim());
					if (controller.signal.aborted) {
						return undefined;
					}

					dispatch({type: 'device-code', code});
					return connections.completeDeviceLogin(loginUrl, form.clientId.trim(), code, {
						signal: controller.signal,
						onWait(seconds) {
							dispatch({type: 'polling', seconds});
						},
					});
				}

				case 'jwt': {
					return connections.connectWithJwt({loginUrl: loginUrlOf(form), clientId: form.clientId.trim(), username: form.username.trim(), privateKeyFile: form.keyFile.trim()});
				}

				case 'token': {
					return connections.connectWithToken({instanceUrl: loginUrlOf({...form, login: 'custom', customLoginUrl: form.instanceUrl}), accessToken: form.accessToken.trim()});
				}
			}
		};

		run().then(
			(overview) => {
				if (overview && !controller.signal.aborted) {
					dispatch({type: 'connected', overview});
				}
			},
			(error: unknown) => {
				if (!controller.signal.aborted) {
					dispatch({type: 'failed', message: services.describeError(error)});
				}
			},
		);
		return () => {
			controller.abort();
		};
		// Runs once per submission; the form does not change while working.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [state.submission]);

	const field = step === 'method' || step === 'login' ? undefined : step;
	useTextEntry(
		{
			value: field ? form[field] : '',
			onChange(value) {
				if (field) {
					dispatch({type: 'edit', field, value});
				}
			},
			onSubmit() {
				dispatch({type: 'next'});
			},
			onCancel() {
				dispatch({type: 'back'});
			},
			submitLabel: 'next',
		},
		phase === 'input' && field !== undefined,
	);

	const methodMenu = useMenu(methodItems, {
		initialIndex: methodItems.findIndex((item) => item.value === form.method),
		onSelect(item) {
			dispatch({type: 'choose-method', method: item.value});
		},
	});
	const loginMenu = useMenu(loginItems, {
		initialIndex: loginItems.findIndex((item) => item.value === form.login),
		onSelect(item) {
			dispatch({type: 'choose-login', login: item.value});
		},
	});
	const menu = phase === 'input' ? (step === 'method' ? methodMenu : step === 'login' ? loginMenu : undefined) : undefined;

	const commands: Command[] =
		phase === 'connected' ? ['nav.open'] : phase === 'failed' ? ['action.retry', 'nav.back'] : phase === 'input' ? [...(menu?.commands ?? []), 'nav.back'] : ['nav.back'];
	useKeyLayer({
		priority: keyPriority.dialog,
		modal: true,
		commands,
		labels: {'nav.open': phase === 'connected' ? 'done' : 'choose', 'nav.back': phase === 'input' && step !== 'method' ? 'back' : phase === 'failed' ? 'close' : 'cancel', 'action.retry': 'try again'},
		onCommand(command) {
			if (command === 'nav.back') {
				if (phase === 'input' && step !== 'method') {
					dispatch({type: 'back'});
				} else if (phase === 'working' || phase === 'device') {
					// Cancelling the device flow or a slow login goes back to the questions; nothing was saved.
					running.current?.abort();
					dispatch({type: 'try-again'});
				} else {
					onClose(false);
				}

				return true;
			}

			if (command === 'action.retry') {
				dispatch({type: 'try-again'});
				return true;
			}

			if (command === 'nav.open' && phase === 'connected') {
				onClose(true);
				return true;
			}

			const handler = menu?.handlers[command];
			handler?.();
			return handler !== undefined;
		},
	});

	const title = form.method === 'device' && phase !== 'input' ? 'Connect a Salesforce org · device login' : 'Connect a Salesforce org';
	return (
		<DialogFrame title={title} width={width}>
			{phase === 'input' && step === 'method' ? (
				<Box flexDirection="column" marginTop={1}>
					<Text>How do you want to connect?</Text>
					<MenuList isFocused items={methodItems} cursor={methodMenu.cursor} />
				</Box>
			) : null}
			{phase === 'input' && step === 'login' ? (
				<Box flexDirection="column" marginTop={1}>
					<Text>Where does the org sign in?</Text>
					<MenuList isFocused items={loginItems} cursor={loginMenu.cursor} />
				</Box>
			) : null}
			{phase === 'input' && field ? (
				<Box flexDirection="column" marginTop={1}>
					<TextField
						isActive
						label={fields[field].label}
						value={form[field]}
						placeholder={fields[field].placeholder}
						isSecret={field === 'accessToken'}
						width={width - 4}
						hint={state.fieldError ?? fields[field].hint}
						hintColor={state.fieldError ? 'red' : undefined}
					/>
				</Box>
			) : null}
			{phase === 'working' ? (
				<Text color="yellow">{form.method === 'device' ? 'Asking Salesforce for a device code…' : 'Signing in and checking the connection…'}</Text>
			) : null}
			{phase === 'device' && state.deviceCode ? <DeviceCodePanel code={state.deviceCode} pollSeconds={state.pollSeconds} width={width - 4} height={height - 3} /> : null}
			{phase === 'connected' && state.overview ? (
				<Box flexDirection="column" marginTop={1}>
					<Text color="green" wrap="truncate">{`Connected to ${toTerminalText(state.overview.orgName)} as ${toTerminalText(state.overview.username)}.`}</Text>
					{state.overview.adminRights.authorized ? (
						<Text wrap="truncate">{`Admin rights: yes (${state.overview.adminRights.grantedBy.join(', ')}).`}</Text>
					) : (
						<Text color="red" wrap="wrap">{`Import is blocked: ${state.overview.adminRights.reason ?? ''}`}</Text>
					)}
					<Text dimColor>The connection is saved; the app now uses this org.</Text>
				</Box>
			) : null}
			{phase === 'failed' ? (
				<Box flexDirection="column" marginTop={1}>
					<Text color="red" wrap="wrap">{`Not connected: ${state.failure ?? ''}`}</Text>
					<Text dimColor>Nothing was saved.</Text>
				</Box>
			) : null}
		</DialogFrame>
	);
}
