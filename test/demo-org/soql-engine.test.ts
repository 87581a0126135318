import {describe, expect, it} from 'vitest';
import {buildDemoDatabase} from '../../source/demo-org/demo-database.js';
import type {DemoUserRecord} from '../../source/demo-org/demo-user-record.js';
import {RestError} from '../../source/demo-org/rest-error.js';
import {toEighteenCharacterId} from '../../source/demo-org/salesforce-id.js';
import {runSoql} from '../../source/demo-org/soql-engine.js';

const id = (n: number) => toEighteenCharacterId(`005Dm0000000${String(n).padStart(3, '0')}`);

function user(n: number, fields: Partial<DemoUserRecord>): DemoUserRecord {
	return {
		id: id(n),
		firstName: null,
		lastName: `Last${n}`,
		email: `user${n}@example.com`,
		username: `user${n}@example.com.demo`,
		isActive: true,
		userType: 'Standard',
		title: null,
		department: null,
		profileName: 'Standard User',
		roleName: null,
		createdDate: `2020-01-0${n}T10:00:00.000Z`,
		...fields,
	};
}

const users = [
	user(1, {firstName: 'Ann', lastName: 'Adams', email: 'Ann.Adams@Acme.example.com', title: 'CEO', department: 'Executive', profileName: 'System Administrator', roleName: 'CEO'}),
	user(2, {firstName: 'Bob', lastName: 'brown', isActive: false, department: 'Sales', title: 'Account Executive'}),
	user(3, {lastName: 'Automated Process', userType: 'AutomatedProcess', profileName: null}),
	user(4, {firstName: 'zoe', lastName: 'adams', department: 'Sales', title: 'Sales Manager', roleName: 'Western Sales Team'}),
	user(5, {firstName: 'Liam', lastName: "O'Brien", email: 'liam_obrien@acme.example.com', department: 'Support', title: '50% Support'}),
	user(6, {firstName: 'Ann', lastName: 'Brown', email: 'ann.brown@acme.example.com', department: 'Sales', title: 'Account Executive', userType: 'CsnOnly'}),
];

const database = buildDemoDatabase({id: toEighteenCharacterId('00DDm0000000001'), name: 'Acme', createdDate: '2019-01-01T00:00:00Z'}, users);

function query(soql: string) {
	return runSoql(soql, database);
}

function lastNames(soql: string): string[] {
	const result = query(soql);
	return result.rows.map((row) => (result.project(row, '62.0') as {LastName: string}).LastName);
}

function ids(soql: string): number[] {
	const result = query(soql);
	return result.rows.map((row) => users.findIndex((candidate) => candidate.id === (row as DemoUserRecord).id) + 1);
}

function errorOf(soql: string): RestError {
	try {
		query(soql);
	} catch (error: unknown) {
		if (error instanceof RestError) {
			return error;
		}

		throw error;
	}

	throw new Error(`expected ${soql} to fail`);
}

describe('SOQL WHERE', () => {
	it('compares text without case, and = / != / < / > / <= / >=', () => {
		expect(ids("SELECT Id FROM User WHERE LastName = 'ADAMS'")).toEqual([1, 4]);
		expect(ids("SELECT Id FROM User WHERE Department != 'Sales'")).toEqual([1, 3, 5]);
		expect(ids("SELECT Id FROM User WHERE LastName < 'b'")).toEqual([1, 3, 4]);
		expect(ids("SELECT Id FROM User WHERE LastName <= 'Brown'")).toEqual([1, 2, 3, 4, 6]);
		expect(ids("SELECT Id FROM User WHERE LastName > 'brown'")).toEqual([5]);
		expect(ids("SELECT Id FROM User WHERE LastName >= 'Brown'")).toEqual([2, 5, 6]);
	});

	it('treats null as Salesforce does: = null, != null, and != includes nulls', () => {
		expect(ids('SELECT Id FROM User WHERE FirstName = null')).toEqual([3]);
		expect(ids('SELECT Id FROM User WHERE Title != null')).toEqual([1, 2, 4, 5, 6]);
		expect(ids("SELECT Id FROM User WHERE Title != 'Account Executive'")).toEqual([1, 3, 4, 5]);
		expect(ids("SELECT Id FROM User WHERE Title < 'z'")).toEqual([1, 2, 4, 5, 6]);
	});

	it('matches LIKE with % and _, without case, and \\% as a literal percent sign', () => {
		expect(ids("SELECT Id FROM User WHERE Email LIKE '%@acme.example.com'")).toEqual([1, 5, 6]);
		expect(ids("SELECT Id FROM User WHERE FirstName LIKE 'a_n'")).toEqual([1, 6]);
		expect(ids("SELECT Id FROM User WHERE LastName LIKE 'o\\'%'")).toEqual([5]);
		expect(ids("SELECT Id FROM User WHERE Title LIKE '50\\% %'")).toEqual([5]);
		expect(ids("SELECT Id FROM User WHERE Title LIKE '5_\\%%'")).toEqual([5]);
		expect(ids("SELECT Id FROM User WHERE Email LIKE 'liam\\_%'")).toEqual([5]);
	});

	it('evaluates IN, NOT IN, booleans, ids and relationship fields', () => {
		expect(ids("SELECT Id FROM User WHERE UserType IN ('AutomatedProcess', 'csnonly')")).toEqual([3, 6]);
		expect(ids("SELECT Id FROM User WHERE Department NOT IN ('Sales', 'Support')")).toEqual([1, 3]);
		expect(ids('SELECT Id FROM User WHERE IsActive = false')).toEqual([2]);
		expect(ids(`SELECT Id FROM User WHERE Id = '${id(4).slice(0, 15)}'`)).toEqual([4]);
		expect(ids(`SELECT Id FROM User WHERE Id IN ('${id(2)}', '${id(5)}')`)).toEqual([2, 5]);
		expect(ids("SELECT Id FROM User WHERE Profile.Name = 'system administrator'")).toEqual([1]);
		expect(ids('SELECT Id FROM User WHERE UserRole.Name != null')).toEqual([1, 4]);
		expect(ids('SELECT Id FROM User WHERE CreatedDate > 2020-01-04T12:00:00Z')).toEqual([5, 6]);
	});

	it('combines with AND, OR, NOT and parentheses', () => {
		expect(ids("SELECT Id FROM User WHERE IsActive = true AND UserType = 'Standard' AND Department = 'Sales'")).toEqual([4]);
		expect(ids("SELECT Id FROM User WHERE LastName = 'adams' OR FirstName = 'Bob' OR UserType = 'CsnOnly'")).toEqual([1, 2, 4, 6]);
		expect(ids("SELECT Id FROM User WHERE (LastName = 'Adams' OR LastName = 'Brown') AND IsActive = true")).toEqual([1, 4, 6]);
		expect(ids("SELECT Id FROM User WHERE LastName = 'Adams' OR (LastName = 'Brown' AND IsActive = true)")).toEqual([1, 4, 6]);
		expect(ids("SELECT Id FROM User WHERE NOT LastName = 'Adams' AND IsActive = true")).toEqual([3, 5, 6]);
		expect(ids("SELECT Id FROM User WHERE NOT (LastName = 'Adams' OR IsActive = false)")).toEqual([3, 5, 6]);
		expect(ids("SELECT Id FROM User WHERE (NOT Department = 'Sales') AND (FirstName = 'Ann' OR FirstName = null)")).toEqual([1, 3]);
		expect(ids("SELECT Id FROM User WHERE ((Department = 'Sales' AND (Title = 'Sales Manager' OR FirstName = 'Bob')))")).toEqual([2, 4]);
	});

	it('refuses AND and OR mixed without parentheses, as Salesforce does', () => {
		expect(errorOf("SELECT Id FROM User WHERE LastName = 'Adams' OR LastName = 'Brown' AND IsActive = true").errorCode).toBe('MALFORMED_QUERY');
	});

	it('refuses values of the wrong type with INVALID_QUERY_FILTER_OPERATOR', () => {
		const quotedBoolean = errorOf("SELECT Id FROM User WHERE IsActive = 'true'");
		expect(quotedBoolean.errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
		expect(quotedBoolean.message).toContain("value of filter criterion for field 'IsActive' must be of type boolean and should not be enclosed in quotes");
		expect(errorOf("SELECT Id FROM User WHERE Id = 'nope'").message).toContain('invalid ID field: nope');
		expect(errorOf('SELECT Id FROM User WHERE LastName = 5').errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
		expect(errorOf("SELECT Id FROM User WHERE IsActive LIKE 'x%'").errorCode).toBe('INVALID_QUERY_FILTER_OPERATOR');
	});
});

describe('SOQL ORDER BY, LIMIT, OFFSET and COUNT()', () => {
	it('sorts on several fields without case, nulls first unless NULLS LAST', () => {
		expect(lastNames('SELECT LastName FROM User ORDER BY LastName, FirstName')).toEqual(['Adams', 'adams', 'Automated Process', 'Brown', 'brown', "O'Brien"]);
		expect(ids('SELECT Id FROM User ORDER BY FirstName')).toEqual([3, 1, 6, 2, 5, 4]);
		expect(ids('SELECT Id FROM User ORDER BY FirstName NULLS LAST')).toEqual([1, 6, 2, 5, 4, 3]);
		expect(ids('SELECT Id FROM User ORDER BY FirstName DESC')).toEqual([3, 4, 5, 2, 1, 6]);
		expect(ids('SELECT Id FROM User ORDER BY FirstName DESC NULLS LAST, Id DESC')).toEqual([4, 5, 2, 6, 1, 3]);
		expect(ids('SELECT Id FROM User ORDER BY Profile.Name DESC NULLS LAST, LastName')).toEqual([1, 4, 2, 6, 5, 3]);
		expect(ids('SELECT Id FROM User ORDER BY IsActive, CreatedDate DESC')).toEqual([2, 6, 5, 4, 3, 1]);
	});

	it('applies OFFSET then LIMIT after sorting', () => {
		expect(ids('SELECT Id FROM User ORDER BY Id LIMIT 2')).toEqual([1, 2]);
		expect(ids('SELECT Id FROM User ORDER BY Id LIMIT 2 OFFSET 3')).toEqual([4, 5]);
		expect(ids('SELECT Id FROM User ORDER BY Id OFFSET 4')).toEqual([5, 6]);
		expect(ids('SELECT Id FROM User LIMIT 0')).toEqual([]);
		const result = query('SELECT Id FROM User ORDER BY Id LIMIT 2 OFFSET 3');
		expect(result.totalSize).toBe(2);
		expect(result.firstBatchOnly).toBe(true);
	});

	it('refuses an OFFSET above 2,000 with NUMBER_OUTSIDE_VALID_RANGE', () => {
		expect(query('SELECT Id FROM User OFFSET 2000').rows).toEqual([]);
		const error = errorOf('SELECT Id FROM User ORDER BY Id LIMIT 10 OFFSET 2001');
		expect(error.status).toBe(400);
		expect(error.errorCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
		expect(error.message).toContain('Maximum SOQL offset allowed is 2000');
	});

	it('answers COUNT() with the total and no records', () => {
		expect(query('SELECT COUNT() FROM User')).toMatchObject({totalSize: 6, rows: [], countOnly: true});
		expect(query("SELECT COUNT() FROM User WHERE IsActive = true AND UserType = 'Standard'").totalSize).toBe(3);
		expect(query('SELECT COUNT() FROM User LIMIT 4').totalSize).toBe(4);
		expect(errorOf('SELECT COUNT(), Id FROM User').errorCode).toBe('MALFORMED_QUERY');
	});
});

describe('SOQL SELECT', () => {
	it('returns fields in the order selected, with canonical names, and nests relationship fields', () => {
		const result = query('SELECT lastname, Profile.Name, UserRole.Name, Id, IsActive FROM User WHERE Id = \'' + id(1) + "'");
		const record = result.project(result.rows[0]!, '62.0');
		expect(record).toEqual({
			attributes: {type: 'User', url: `/services/data/v62.0/sobjects/User/${id(1)}`},
			LastName: 'Adams',
			Profile: {attributes: {type: 'Profile', url: expect.stringMatching(/^\/services\/data\/v62\.0\/sobjects\/Profile\/00e\w{15}$/)}, Name: 'System Administrator'},
			UserRole: {attributes: {type: 'UserRole', url: expect.stringMatching(/^\/services\/data\/v62\.0\/sobjects\/UserRole\/00E\w{15}$/)}, Name: 'CEO'},
			Id: id(1),
			IsActive: true,
		});
		expect(Object.keys(record)).toEqual(['attributes', 'LastName', 'Profile', 'UserRole', 'Id', 'IsActive']);
	});

	it('gives null for a lookup that is empty', () => {
		const result = query(`SELECT Id, Profile.Name, UserRole.Name FROM User WHERE Id = '${id(3)}'`);
		expect(result.project(result.rows[0]!, '62.0')).toMatchObject({Profile: null, UserRole: null});
	});

	it('accepts an object alias and FIELDS(STANDARD)', () => {
		expect(ids('SELECT u.Id FROM User u WHERE u.IsActive = false')).toEqual([2]);
		const result = query(`SELECT FIELDS(STANDARD) FROM User WHERE Id = '${id(1)}'`);
		expect(result.project(result.rows[0]!, '62.0')).toMatchObject({Name: 'Ann Adams', Email: 'Ann.Adams@Acme.example.com', Alias: 'aadam'});
		expect(errorOf('SELECT FIELDS(ALL) FROM User').message).toContain('LIMIT of at most 200');
	});

	it('answers the Organization the app shows', () => {
		const result = query('SELECT Id, Name, IsSandbox FROM Organization');
		expect(result.rows).toHaveLength(1);
		expect(result.project(result.rows[0]!, '62.0')).toMatchObject({Name: 'Acme', IsSandbox: false, Id: toEighteenCharacterId('00DDm0000000001')});
	});
});

describe('SOQL errors', () => {
	it('names an unknown field with INVALID_FIELD, a caret and its position, as Salesforce does', () => {
		const error = errorOf('SELECT Id, Nickname FROM User');
		expect(error.errorCode).toBe('INVALID_FIELD');
		expect(error.message).toBe(
			"\nSELECT Id, Nickname FROM User\n           ^\nERROR at Row:1:Column:12\nNo such column 'Nickname' on entity 'User'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
		);
		expect(errorOf('SELECT Id FROM User WHERE Boss.Name = null').message).toContain("Didn't understand relationship 'Boss' in field path");
		expect(errorOf('SELECT Profile.Nickname FROM User').message).toContain("No such column 'Nickname' on entity 'Profile'");
		expect(errorOf('SELECT Id FROM User ORDER BY Shoe').errorCode).toBe('INVALID_FIELD');
	});

	it('refuses an unknown object with INVALID_TYPE', () => {
		const error = errorOf('SELECT Id FROM Contactz');
		expect(error.errorCode).toBe('INVALID_TYPE');
		expect(error.message).toContain("sObject type 'Contactz' is not supported.");
	});

	it('refuses what does not parse with MALFORMED_QUERY', () => {
		for (const soql of ['SELEC Id FROM User', 'SELECT FROM User', "SELECT Id FROM User WHERE LastName = 'open", 'SELECT Id FROM User WHERE', 'SELECT Id, Id FROM User']) {
			const error = errorOf(soql);
			expect(error.status).toBe(400);
			expect(error.errorCode).toBe('MALFORMED_QUERY');
			expect(error.message).not.toBe('');
		}
	});
});
