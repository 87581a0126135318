/** One SalesScreen person as the People screen lists them. */
export type PersonListing = {
	id: number;
	name: string;
	email: string;
	title: string | null;
	role: 'admin' | 'member';
	active: boolean;
	teamId: number | null;
	teamName: string | null;
	origin: 'manual' | 'salesforce' | 'demo-seed';
	osLogin: string | null;
	/** The Salesforce user this person is linked to, if any. */
	salesforceUserId: string | null;
	/** That user's name as the newest import recorded it; null when no import named them. */
	salesforceName: string | null;
};

/** One team with how many people are on it. */
export type TeamListing = {id: number; name: string; members: number};

/** One row of a person's import history: what a run did to their Salesforce user. */
export type PersonHistoryEntry = {
	runId: number;
	startedAt: string;
	operator: string;
	mode: string;
	outcome: string;
	salesforceUserId: string;
	salesforceName: string;
	detail: string | null;
};
