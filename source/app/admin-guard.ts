import {NotAdminError, refusalFor, type AdminAction, type OperatorRights} from '../core/admin-policy.js';
import type {Operator, RightsReader} from './ports/operator.js';

export type AdminGuard = {
	/** Throws NotAdminError, with why and who can help, unless the operator may do `action` now. */
	require: (action: AdminAction) => Promise<OperatorRights>;
	rights: () => Promise<OperatorRights>;
};

/**
 * The one admin check of the app and of every command: the store's rights read afresh at each change (another
 * admin may just have changed who is one), judged by the core's rule.
 */
export function adminGuard(operator: Operator, rightsOf: RightsReader): AdminGuard {
	return {
		rights: async () => rightsOf(operator.login),
		async require(action) {
			const rights = await rightsOf(operator.login);
			const refusal = refusalFor(action, rights, operator.runsAsDataFolderOwner);
			if (refusal !== undefined) {
				throw new NotAdminError(refusal);
			}

			return rights;
		},
	};
}
