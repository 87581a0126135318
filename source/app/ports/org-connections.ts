import type {DeviceCode} from '../../core/device-code.js';
import type {OrgOverview} from '../../core/org-overview.js';

export type {ConnectionMethod} from '../../core/connection-method.js';
export type {DeviceCode} from '../../core/device-code.js';
export type {OrgOverview} from '../../core/org-overview.js';

export type JwtConnectRequest = {loginUrl: string; clientId: string; username: string; privateKeyFile: string};
export type TokenConnectRequest = {instanceUrl: string; accessToken: string};

/** How an admin connects, with what each way needs; `Grant` is what an approved device login handed over. */
export type ConnectRequest<Grant> =
	| {method: 'device'; loginUrl: string; clientId: string; token: Grant}
	| ({method: 'jwt'} & JwtConnectRequest)
	| ({method: 'token'} & TokenConnectRequest);

/**
 * Logging in to an org and keeping the connection, as connecting needs it. `Grant` is the adapter's own token
 * answer, handed back to it unread.
 */
export type OrgLogin<Grant> = {
	requestDeviceCode: (loginUrl: string, clientId: string) => Promise<DeviceCode>;
	/** Polls until the admin approves (the grant), denies, the code expires or `signal` cancels (rejects). */
	pollDeviceLogin: (loginUrl: string, clientId: string, code: DeviceCode, options: {signal?: AbortSignal; onWait?: (seconds: number) => void}) => Promise<Grant>;
	/**
	 * Logs in the way asked and proves the connection works by reading the org's overview; only then saves it
	 * (tokens in an owner-only file), and the caller's org is this one from now on.
	 */
	connectAndSave: (request: ConnectRequest<Grant>) => Promise<OrgOverview>;
	/** Logs the saved connection out at Salesforce and forgets it; false when Salesforce could not be told (it is forgotten anyway). */
	forgetSaved: () => Promise<boolean>;
};
