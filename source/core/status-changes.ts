import type {SalesforceUser} from './salesforce-user.js';

/** A person linked to a Salesforce user, as automatic sync sees them. */
export type LinkedPerson = {
	personId: number;
	name: string;
	active: boolean;
	/** Made inactive by automatic sync (not by an admin): only such a person is reactivated by it. */
	deactivatedBySync: boolean;
};

export type StatusChange = {action: 'deactivate' | 'reactivate'; user: SalesforceUser; personId: number; personName: string};

/**
 * What automatic sync changes besides importing: a person whose linked Salesforce user became inactive is made
 * inactive; one it made inactive before is made active again when the user returns. A person an admin made
 * inactive in SalesScreen stays so. Import users (manual) never calls this.
 */
export function planStatusChanges(users: Iterable<SalesforceUser>, linked: ReadonlyMap<string, LinkedPerson>): StatusChange[] {
	const changes: StatusChange[] = [];
	for (const user of users) {
		const person = linked.get(user.id);
		if (person === undefined) {
			continue;
		}

		if (!user.isActive && person.active) {
			changes.push({action: 'deactivate', user, personId: person.personId, personName: person.name});
		} else if (user.isActive && !person.active && person.deactivatedBySync) {
			changes.push({action: 'reactivate', user, personId: person.personId, personName: person.name});
		}
	}

	return changes;
}
