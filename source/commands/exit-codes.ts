/** Exit code of a command the admin rule refused; the reason goes to standard error. */
export const notAdminExitCode = 3;

/** Exit codes of `salesscreen sync` besides 0 (done, or switched off), 1 (failed) and 2 (wrong usage). */
export const syncExitCodes = {done: 0, failed: 1, usage: 2, held: 5} as const;

/** Exit codes of `status`, so that a script or a monitoring check can tell the cases apart. */
export const statusExitCodes = {ok: 0, notConnected: 1, failing: 3, notAuthorized: 4} as const;

/** Exit code of an import refused because the connected Salesforce user may not list the org's users (as `status` says 4). */
export const salesforceRightsExitCode = 4;
