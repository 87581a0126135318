import type {PersonListing} from '../../core/person.js';
import {checkColumnWidth, type TableColumn} from './checkbox-table.js';

const originWords: Record<PersonListing['origin'], string> = {
	manual: 'created here',
	salesforce: 'created by import',
	'demo-seed': 'demo seed',
};

/** Where the person came from, and the Salesforce user they are linked to now. */
export function originText(person: PersonListing): string {
	if (person.salesforceUserId === null) {
		return originWords[person.origin];
	}

	// The Salesforce user's name only where it says something the Name column does not.
	const name = person.salesforceName !== null && person.salesforceName !== person.name ? ` ${person.salesforceName}` : '';
	return `SF ${person.salesforceUserId}${name}`;
}

/** Role, state and link in a few characters, for a narrow terminal. */
function flagsText(person: PersonListing): string {
	return [person.role === 'admin' ? 'admin' : '', person.active ? '' : 'inactive', person.salesforceUserId === null ? '' : 'SF'].filter(Boolean).join(' · ');
}

/**
 * The People table's columns for the width there is: name, email, role, team, active and origin where
 * they fit; on a narrow terminal, role, state and link share one column. A team's own list leaves out the team.
 */
export function personColumns(width: number, options: {team?: boolean} = {}): Array<TableColumn<PersonListing>> {
	const withTeam = options.team ?? true;
	const rest = Math.max(0, width - checkColumnWidth);
	const name: TableColumn<PersonListing> = {title: 'Name', width: 0, followsCursor: true, text: (person) => person.name, color: (person) => (person.active ? undefined : 'gray')};
	const email: TableColumn<PersonListing> = {title: 'Email', width: 0, text: (person) => person.email, color: (person) => (person.active ? undefined : 'gray')};
	// Said in words where it matters: an active person on no team has their sales activity left uncounted.
	const team: TableColumn<PersonListing> = {
		title: 'Team',
		width: 0,
		text: (person) => person.teamName ?? (person.active ? 'no team' : '—'),
		color: (person) => (person.teamName === null && person.active ? 'yellow' : undefined),
	};
	if (width < 90) {
		const flags = 13;
		const flexible = rest - flags;
		const teamWidth = withTeam ? Math.floor(flexible * 0.22) : 0;
		const nameWidth = Math.floor(flexible * 0.38);
		return [
			{...name, width: nameWidth},
			{...email, width: flexible - teamWidth - nameWidth},
			...(withTeam ? [{...team, width: teamWidth}] : []),
			{title: 'Role·state', width: flags, text: flagsText, color: (person) => (person.active ? (person.role === 'admin' ? 'magenta' : undefined) : 'gray')},
		];
	}

	const role = 8;
	const active = 8;
	const flexible = rest - role - active;
	const teamWidth = withTeam ? Math.floor(flexible * 0.14) : 0;
	const nameWidth = Math.floor((flexible - teamWidth) * 0.26);
	const emailWidth = Math.floor((flexible - teamWidth) * 0.34);
	return [
		{...name, width: nameWidth},
		{...email, width: emailWidth},
		{title: 'Role', width: role, text: (person) => person.role, color: (person) => (person.role === 'admin' ? 'magenta' : undefined)},
		...(withTeam ? [{...team, width: teamWidth}] : []),
		{title: 'Active', width: active, text: (person) => (person.active ? 'yes' : 'no'), color: (person) => (person.active ? undefined : 'gray')},
		{title: 'Origin', width: flexible - nameWidth - emailWidth - teamWidth, text: originText, color: (person) => (person.salesforceUserId === null ? 'gray' : 'cyan')},
	];
}

export const personId = (person: PersonListing) => String(person.id);
