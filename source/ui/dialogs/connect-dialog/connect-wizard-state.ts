import {defaultDeviceClientId, resolveLoginUrl, loginUrls} from '../../../core/login-url.js';
import type {DeviceCode, OrgOverview} from '../../../app/app-services.js';

export type ConnectMethod = 'device' | 'jwt' | 'token';
export type LoginChoice = 'production' | 'sandbox' | 'custom';
export type FieldName = 'customLoginUrl' | 'clientId' | 'username' | 'keyFile' | 'instanceUrl' | 'accessToken';
export type InputStep = 'method' | 'login' | FieldName;

export type ConnectForm = {
	method: ConnectMethod;
	login: LoginChoice;
	customLoginUrl: string;
	clientId: string;
	username: string;
	keyFile: string;
	instanceUrl: string;
	accessToken: string;
};

export type WizardState = {
	form: ConnectForm;
	/** The input step shown while phase is "input". */
	step: InputStep;
	phase: 'input' | 'working' | 'device' | 'connected' | 'failed';
	/** Counts the times the form was sent, so that each sending starts one login. */
	submission: number;
	/** Why the value of the current field was refused. */
	fieldError?: string;
	deviceCode?: DeviceCode;
	pollSeconds?: number;
	overview?: OrgOverview;
	failure?: string;
};

export type WizardAction =
	| {type: 'choose-method'; method: ConnectMethod}
	| {type: 'choose-login'; login: LoginChoice}
	| {type: 'edit'; field: FieldName; value: string}
	| {type: 'next'}
	| {type: 'back'}
	| {type: 'device-code'; code: DeviceCode}
	| {type: 'polling'; seconds: number}
	| {type: 'connected'; overview: OrgOverview}
	| {type: 'failed'; message: string}
	| {type: 'try-again'};

/** The questions asked for each way of connecting, in order. */
export function stepsFor(form: ConnectForm): InputStep[] {
	if (form.method === 'token') {
		return ['method', 'instanceUrl', 'accessToken'];
	}

	return [
		'method',
		'login',
		...(form.login === 'custom' ? (['customLoginUrl'] as const) : []),
		'clientId',
		...(form.method === 'jwt' ? (['username', 'keyFile'] as const) : []),
	];
}

/** The login URL the form names, or throws LoginUrlError for a bad custom one. */
export function loginUrlOf(form: ConnectForm): string {
	return form.login === 'custom' ? resolveLoginUrl(form.customLoginUrl) : loginUrls[form.login];
}

export function initialWizardState(preset: Partial<ConnectForm> = {}): WizardState {
	return {
		form: {method: 'device', login: 'production', customLoginUrl: '', clientId: defaultDeviceClientId, username: '', keyFile: '', instanceUrl: '', accessToken: '', ...preset},
		step: 'method',
		phase: 'input',
		submission: 0,
	};
}

function refusal(form: ConnectForm, step: InputStep): string | undefined {
	const value = step === 'method' || step === 'login' ? 'x' : form[step].trim();
	if (value === '') {
		return 'This is needed.';
	}

	try {
		if (step === 'customLoginUrl' || step === 'instanceUrl') {
			resolveLoginUrl(value);
		}
	} catch (error: unknown) {
		return (error as Error).message;
	}

	return undefined;
}

function advance(state: WizardState): WizardState {
	const error = refusal(state.form, state.step);
	if (error) {
		return {...state, fieldError: error};
	}

	const steps = stepsFor(state.form);
	const next = steps[steps.indexOf(state.step) + 1];
	return next === undefined
		? {...state, fieldError: undefined, phase: 'working', submission: state.submission + 1}
		: {...state, fieldError: undefined, step: next};
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
	switch (action.type) {
		case 'choose-method': {
			// The default client id suits the device flow only; JWT needs the consumer key of one's own app.
			const clientId = action.method === 'jwt' && state.form.clientId === defaultDeviceClientId ? '' : state.form.clientId || defaultDeviceClientId;
			return advance({...state, form: {...state.form, method: action.method, clientId}});
		}

		case 'choose-login': {
			return advance({...state, form: {...state.form, login: action.login}});
		}

		case 'edit': {
			return {...state, fieldError: undefined, form: {...state.form, [action.field]: action.value}};
		}

		case 'next': {
			return advance(state);
		}

		case 'back': {
			const steps = stepsFor(state.form);
			const previous = steps[steps.indexOf(state.step) - 1];
			return previous === undefined ? state : {...state, fieldError: undefined, step: previous};
		}

		case 'device-code': {
			return {...state, phase: 'device', deviceCode: action.code};
		}

		case 'polling': {
			return {...state, pollSeconds: action.seconds};
		}

		case 'connected': {
			return {...state, phase: 'connected', overview: action.overview};
		}

		case 'failed': {
			return {...state, phase: 'failed', failure: action.message};
		}

		case 'try-again': {
			return {...state, phase: 'input', failure: undefined, deviceCode: undefined, pollSeconds: undefined};
		}
	}
}
