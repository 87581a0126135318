/** Where people of a generated org work: what they are called, and which profile and role they get. */
export type Department = {
	name: string;
	/** Relative share of the org's people. */
	weight: number;
	titles: readonly string[];
	/** Profile names with their shares inside the department. */
	profiles: ReadonlyArray<readonly [string, number]>;
	roles: readonly string[];
};

export const departments: readonly Department[] = [
	{
		name: 'Sales',
		weight: 30,
		titles: [
			'Account Executive',
			'Senior Account Executive',
			'Enterprise Account Executive',
			'Sales Development Representative',
			'Business Development Representative',
			'Sales Manager',
			'Regional Sales Director',
			'Sales Engineer',
		],
		profiles: [
			['Custom: Sales Profile', 0.6],
			['Standard User', 0.4],
		],
		roles: ['Western Sales Team', 'Eastern Sales Team', 'Channel Sales Team', 'Director, Direct Sales', 'Director, Channel Sales'],
	},
	{
		name: 'Customer Success',
		weight: 12,
		titles: ['Customer Success Manager', 'Account Manager', 'Onboarding Specialist', 'Renewals Manager'],
		profiles: [['Standard User', 1]],
		roles: ['Customer Success'],
	},
	{
		name: 'Support',
		weight: 14,
		titles: ['Support Engineer', 'Customer Support Agent', 'Technical Support Specialist', 'Support Team Lead'],
		profiles: [
			['Custom: Support Profile', 0.8],
			['Standard User', 0.2],
		],
		roles: ['Customer Support, North America', 'Customer Support, International'],
	},
	{
		name: 'Marketing',
		weight: 10,
		titles: [
			'Marketing Manager',
			'Demand Generation Manager',
			'Product Marketing Manager',
			'Content Marketing Specialist',
			'Marketing Operations Analyst',
		],
		profiles: [
			['Custom: Marketing Profile', 0.5],
			['Marketing User', 0.5],
		],
		roles: ['Marketing Team'],
	},
	{
		name: 'Finance',
		weight: 7,
		titles: ['Financial Analyst', 'Accountant', 'Billing Specialist', 'Controller'],
		profiles: [
			['Contract Manager', 0.5],
			['Read Only', 0.5],
		],
		roles: ['CFO'],
	},
	{
		name: 'Operations',
		weight: 9,
		titles: ['Operations Manager', 'Revenue Operations Analyst', 'Sales Operations Analyst', 'Deal Desk Specialist'],
		profiles: [
			['Standard User', 0.8],
			['Solution Manager', 0.2],
		],
		roles: ['COO'],
	},
	{
		name: 'IT',
		weight: 5,
		titles: ['Salesforce Administrator', 'Systems Engineer', 'IT Support Specialist', 'Salesforce Developer'],
		profiles: [
			['System Administrator', 0.3],
			['Standard Platform User', 0.7],
		],
		roles: ['COO'],
	},
	{
		name: 'Human Resources',
		weight: 4,
		titles: ['HR Business Partner', 'Recruiter', 'People Operations Manager'],
		profiles: [
			['Read Only', 0.6],
			['Standard User', 0.4],
		],
		roles: [],
	},
	{
		name: 'Executive',
		weight: 1,
		titles: ['Chief Executive Officer', 'Chief Revenue Officer', 'Chief Financial Officer', 'VP of Sales', 'VP of Marketing'],
		profiles: [
			['Standard User', 0.9],
			['System Administrator', 0.1],
		],
		roles: ['CEO', 'SVP, Sales & Marketing', 'VP, North American Sales', 'VP, International Sales', 'VP, Marketing'],
	},
];

/** Names faker's English locale lacks: accents, apostrophes, particles and hyphens that emails must fold. */
export const internationalFirstNames = [
	'José',
	'Zoë',
	'Søren',
	'Małgorzata',
	'François',
	'Jürgen',
	'Siobhán',
	'Björn',
	'Aurélie',
	'Çağla',
	'Łukasz',
	'Renée',
	'Nguyễn Thị',
	'Anaïs',
];

export const internationalLastNames = [
	'García',
	'Müller',
	'Núñez',
	'Ødegaard',
	'Kowalczyk',
	'Ó Briain',
	'Dvořák',
	'Öztürk',
	'Lefèvre',
	'van der Berg',
	'De la Cruz',
	'St. John',
	"O'Neill",
	'Smith-Jones',
];

export const partnerTitles = ['Partner Account Manager', 'Reseller Sales Representative', 'Solutions Consultant', 'Channel Partner Manager'];
