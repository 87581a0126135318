import type {OperatorRights} from '../../core/admin-policy.js';

/** Who runs this process, as the admin rule needs to know them. */
export type Operator = {
	/** The OS login (or SALESSCREEN_OPERATOR where that is honoured): recorded on every run. */
	login: string;
	/** Runs as the account that owns the data folder, by its own OS login: the account cron runs `sync` as. */
	runsAsDataFolderOwner: boolean;
};

/** The store's answer to "may this login change things?", read afresh at each change. */
export type RightsReader = (login: string) => Promise<OperatorRights>;
