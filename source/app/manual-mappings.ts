import {DirectoryError} from '../core/directory-error.js';
import type {DirectoryPorts} from './directory-context.js';
import type {PersonMatch} from './ports/directory-store.js';

/** The admin's own decisions for single Salesforce users, which the import follows over email matching. */
export type MappingActions = {
	searchPeople: (query: string, limit: number) => Promise<PersonMatch[]>;
	/** Rejects with the reason (a DirectoryError) when the person cannot take this user (linked to another, say). */
	mapTo: (salesforceUserId: string, personId: number) => Promise<void>;
	ignore: (salesforceUserId: string) => Promise<void>;
	clear: (salesforceUserId: string) => Promise<void>;
};

const salesforceUserIdPattern = /^005[A-Za-z\d]{12}(?:[A-Za-z\d]{3})?$/;

function checkSalesforceUserId(salesforceUserId: string): void {
	if (!salesforceUserIdPattern.test(salesforceUserId)) {
		throw new DirectoryError(`"${salesforceUserId}" is not a Salesforce user id (15 or 18 characters starting with 005).`);
	}
}

/**
 * Manual mappings: map a Salesforce user to a person (every import from now on links them so, whatever their
 * emails say), ignore a user, or clear the choice. Choosing is importing, so it needs the import right.
 */
export function manualMappings(ports: DirectoryPorts): MappingActions {
	const {directory, guard, clock, operator} = ports;
	const chosen = () => ({chosenBy: operator.login, chosenAt: clock.now().toISOString()});
	return {
		searchPeople: async (query, limit) => directory.searchPeople(query, limit),
		async mapTo(salesforceUserId, personId) {
			await guard.require('import');
			checkSalesforceUserId(salesforceUserId);
			await directory.change(async (writes) => {
				const person = await writes.person(personId);
				if (person === undefined) {
					throw new DirectoryError(`There is no SalesScreen person with id ${personId}; nothing was chosen.`);
				}

				// A linked user stays with their person, and one person takes one Salesforce user.
				const personLink = await writes.linkOfPerson(personId);
				if (personLink !== undefined && personLink.salesforceUserId !== salesforceUserId) {
					const linked = personLink.salesforceName ? `${personLink.salesforceName} (${personLink.salesforceUserId})` : personLink.salesforceUserId;
					throw new DirectoryError(`${person.name} is already linked to Salesforce user ${linked}; one person takes one Salesforce user.`);
				}

				const userLink = await writes.linkOfUser(salesforceUserId);
				if (userLink !== undefined && userLink.personId !== personId) {
					throw new DirectoryError(
						`Salesforce user ${salesforceUserId} is already linked to another person (id ${userLink.personId}) and stays so; undo the import that linked them first.`,
					);
				}

				const otherChoice = await writes.choiceForPerson(personId);
				if (otherChoice !== undefined && otherChoice.salesforceUserId !== salesforceUserId) {
					throw new DirectoryError(`${person.name} is already chosen for Salesforce user ${otherChoice.salesforceUserId}; clear that choice first.`);
				}

				await writes.saveManualChoice({salesforceUserId, kind: 'map', personId, ...chosen()});
			});
		},
		async ignore(salesforceUserId) {
			await guard.require('import');
			checkSalesforceUserId(salesforceUserId);
			await directory.change(async (writes) => writes.saveManualChoice({salesforceUserId, kind: 'ignore', personId: null, ...chosen()}));
		},
		async clear(salesforceUserId) {
			await guard.require('import');
			await directory.change(async (writes) => {
				await writes.clearManualChoice(salesforceUserId);
			});
		},
	};
}
