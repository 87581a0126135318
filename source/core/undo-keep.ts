/** What undo needs to know about a person the undone run created, to decide whether to remove them. */
export type CreatedPersonFacts = {
	role: 'admin' | 'member';
	osLogin: string | null;
	teamId: number | null;
	/** ISO 8601 of the person's last change. */
	updatedAt: string;
	/** Another run (or a manual link) links the person to Salesforce now. */
	linkedByLaterRun: boolean;
	/** The first table outside the import's own (links, manual choices) with a row that refers to the person, if any. */
	referencedBy: string | undefined;
};

/**
 * Why undo keeps a person the undone run created, or undefined to remove them (with the link): a person
 * something came to depend on since stays, because removing them would take that with them. In this order:
 * an admin role or OS login, a team, a later link to Salesforce, an edit after the run finished, a row of
 * another table that refers to them.
 */
export function undoKeepReason(person: CreatedPersonFacts, runFinishedAt: string): string | undefined {
	if (person.osLogin !== null || person.role === 'admin') {
		return 'administers SalesScreen';
	}

	if (person.teamId !== null) {
		return 'is on a team';
	}

	if (person.linkedByLaterRun) {
		return 'linked to Salesforce by a later run';
	}

	if (person.updatedAt > runFinishedAt) {
		return 'edited after the import';
	}

	return person.referencedBy === undefined ? undefined : `referred to by ${person.referencedBy}`;
}
