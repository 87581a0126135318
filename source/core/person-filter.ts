import type {PersonListing} from './person.js';

export type PeopleView = {
	/** Include deactivated people. */
	showInactive: boolean;
	/** Case-insensitive text searched in the name, the email and the team. */
	query: string;
};

export function filterPeople(people: readonly PersonListing[], view: PeopleView): PersonListing[] {
	const query = view.query.trim().toLowerCase();
	return people.filter(
		(person) =>
			(view.showInactive || person.active) &&
			(query === '' ||
				person.name.toLowerCase().includes(query) ||
				person.email.toLowerCase().includes(query) ||
				(person.teamName ?? '').toLowerCase().includes(query)),
	);
}
