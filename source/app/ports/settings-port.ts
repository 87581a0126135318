import type {FillOnMap} from '../../core/fill-on-map.js';
import type {SyncScope} from '../../core/sync-scope.js';
import type {TeamRule} from '../../core/team-placement.js';

/** The settings a use case reads. */
export type SettingsValues = {
	autoSync: boolean;
	/** 0 fits the page to the terminal. */
	pageSize: number;
	showAllUsers: boolean;
	syncScope: SyncScope;
	matchFederationId: boolean;
	fillOnMap: FillOnMap;
	/** Share of the linked people (0 to 1) an automatic run may deactivate before it is held. */
	safeguardShare: number;
	teamFromSalesforce: TeamRule;
	/** How long a run waits for another one to finish before it gives up, in seconds. */
	writeWaitSeconds: number;
};

export type SettingsReader = {get: <K extends keyof SettingsValues>(key: K) => SettingsValues[K]};
