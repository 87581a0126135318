import type {AdminGuard} from './admin-guard.js';
import type {DeviceCode, JwtConnectRequest, OrgLogin, OrgOverview, TokenConnectRequest} from './ports/org-connections.js';

/**
 * Connect an org, or disconnect it: the same for the app's Overview and `salesscreen connect`/`disconnect`.
 * Admins only, asked before a login starts (a refusal after the admin approved a device code would waste
 * their time) and again before the connection is saved (another admin may have changed it meanwhile).
 */
export function connectOrg<Grant>(ports: {guard: AdminGuard; login: OrgLogin<Grant>}) {
	const {guard, login} = ports;
	return {
		async requestDeviceCode(loginUrl: string, clientId: string): Promise<DeviceCode> {
			await guard.require('connect');
			return login.requestDeviceCode(loginUrl, clientId);
		},
		/** Polls until approved, denied, expired or cancelled (signal), then saves the connection. */
		async completeDeviceLogin(loginUrl: string, clientId: string, code: DeviceCode, options: {signal?: AbortSignal; onWait?: (seconds: number) => void}): Promise<OrgOverview> {
			const token = await login.pollDeviceLogin(loginUrl, clientId, code, options);
			await guard.require('connect');
			return login.connectAndSave({method: 'device', loginUrl, clientId, token});
		},
		async connectWithJwt(request: JwtConnectRequest): Promise<OrgOverview> {
			await guard.require('connect');
			return login.connectAndSave({method: 'jwt', ...request});
		},
		async connectWithToken(request: TokenConnectRequest): Promise<OrgOverview> {
			await guard.require('connect');
			return login.connectAndSave({method: 'token', ...request});
		},
		/** Logs out at Salesforce (false when it could not be told) and forgets the connection. */
		async disconnect(): Promise<boolean> {
			await guard.require('disconnect');
			return login.forgetSaved();
		},
	};
}

export type ConnectOrg<Grant> = ReturnType<typeof connectOrg<Grant>>;
