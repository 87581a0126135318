/** The first step of a device login: what the admin is shown, and how long to poll. */
export type DeviceCode = {
	deviceCode: string;
	userCode: string;
	verificationUri: string;
	/** Seconds Salesforce asks us to wait between two polls. */
	intervalSeconds: number;
	/** When we stop polling: Salesforce's expires_in when it sends one, else ten minutes. */
	expiresAt: number;
};
