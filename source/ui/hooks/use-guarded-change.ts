import {refusalFor, type AdminAction} from '../../core/admin-policy.js';
import type {AppServices} from '../../app/app-services.js';

type GuardedChange = {
	/** Whether the operator may take the action now; says why not when they may not. */
	may: (action: AdminAction) => Promise<boolean>;
	/**
	 * Runs a change and says what it did; a refusal or failure is said on the screen, or returned for the
	 * dialog that asked for the change to say it (`inDialog`).
	 */
	change: (run: () => Promise<string>, inDialog?: boolean) => Promise<string | undefined>;
};

/** How People and Teams make a change: asked of the admin rule each time, since another admin may have changed it since. */
export function useGuardedChange(
	services: Pick<AppServices, 'operatorRights' | 'describeError'>,
	say: (message: string | undefined) => void,
	afterChange: () => void,
): GuardedChange {
	return {
		async may(action) {
			const refusal = refusalFor(action, await services.operatorRights());
			say(refusal);
			return refusal === undefined;
		},
		async change(run, inDialog = false) {
			try {
				say(await run());
				afterChange();
				return undefined;
			} catch (error: unknown) {
				const reason = services.describeError(error);
				if (!inDialog) {
					say(reason);
				}

				return reason;
			}
		},
	};
}
