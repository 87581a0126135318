import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startDemoOrg} from '../../source/demo-org/demo-org.js';
import {loadUsersFile, UsersFileError} from '../../source/demo-org/users-file.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';

let folder: string;

beforeEach(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-users-file-'));
});

afterEach(() => {
	fs.rmSync(folder, {recursive: true, force: true});
});

function write(name: string, content: unknown): string {
	const file = path.join(folder, name);
	fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
	return file;
}

const admin = {
	attributes: {type: 'User', url: '/services/data/v62.0/sobjects/User/005Dm0000000001'},
	Id: '005Dm0000000001',
	FirstName: 'Ada',
	LastName: 'Root',
	Email: 'Ada.Root@Example.com',
	Username: 'ada@example.com.demo',
	IsActive: true,
	UserType: 'Standard',
	Title: 'Admin',
	Department: 'IT',
	Profile: {attributes: {type: 'Profile'}, Name: 'System Administrator'},
};

const person = {Id: '005Dm0000000002IAA', LastName: 'Ng', Email: 'pat@example.com', Username: 'pat@example.com.demo', Profile: null};

describe('users file', () => {
	it('loads User records as the REST API returns them', async () => {
		const users = await loadUsersFile(write('users.json', [admin, person]));
		expect(users).toEqual([
			{
				id: '005Dm0000000001IAA',
				firstName: 'Ada',
				lastName: 'Root',
				email: 'Ada.Root@Example.com',
				username: 'ada@example.com.demo',
				isActive: true,
				userType: 'Standard',
				title: 'Admin',
				department: 'IT',
				profileName: 'System Administrator',
				roleName: null,
				lastLoginDate: null,
			},
			{
				id: '005Dm0000000002IAA',
				firstName: null,
				lastName: 'Ng',
				email: 'pat@example.com',
				username: 'pat@example.com.demo',
				isActive: true,
				userType: 'Standard',
				title: null,
				department: null,
				profileName: null,
				roleName: null,
				lastLoginDate: null,
			},
		]);
	});

	it('also reads a saved query result with a records array', async () => {
		const users = await loadUsersFile(write('result.json', {totalSize: 1, done: true, records: [admin]}));
		expect(users).toHaveLength(1);
	});

	it('is served by the demo org, connected as its administrator', async () => {
		const file = write('users.json', [person, admin]);
		const org = await startDemoOrg({usersFile: file});
		try {
			expect(org.adminUserId).toBe('005Dm0000000001IAA');
			expect(org.orgName).toBe('Demo org (users.json)');
			const users = await fetchSalesforceUsers(openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken}));
			expect(users.map((user) => [user.lastName, user.profileName])).toEqual([
				['Ng', null],
				['Root', 'System Administrator'],
			]);
		} finally {
			await org.close();
		}
	});

	it.each([
		['a missing file', undefined, /users\.json does not exist/],
		['a file that is not JSON', '[{"Id": ', /is not valid JSON/],
		['an object without records', {users: []}, /must hold a JSON array of User records/],
		['an empty array', [], /holds no users/],
		['an entry that is not an object', [admin, 'Pat'], /record 1 \(counting from 0\): expected an object with User fields, got the string "Pat"/],
		['a missing LastName', [{...person, LastName: undefined}], /record 0 \(counting from 0\): "LastName" is required/],
		['an empty Username', [{...person, Username: ' '}], /"Username" must not be empty/],
		['a number for Email', [{...person, Email: 42}], /"Email" must be a string, got number 42/],
		['an id of another object', [{...person, Id: '001Dm0000000002'}], /"Id" must be a 15- or 18-character User id starting with 005, got "001Dm0000000002"/],
		['a mistyped id', [{...person, Id: '005Dm00000'}], /"Id" must be a 15- or 18-character User id/],
		['a wrong id checksum', [{...person, Id: '005Dm0000000002AAA'}], /checksum: this one would be 005Dm0000000002IAA/],
		['a duplicate id', [admin, {...person, Id: '005Dm0000000001IAA'}], /record 1 \(counting from 0\): "Id" 005Dm0000000001IAA is also the id of record 0/],
		['a duplicate username', [admin, {...person, Username: 'ADA@example.com.demo'}], /record 1 .*usernames must be unique/],
		['IsActive as text', [{...person, IsActive: 'yes'}], /"IsActive" must be true or false, got the string "yes"/],
		['the profile as a flat field', [{...person, ProfileName: 'Standard User'}], /unknown field "ProfileName".*Profile/],
		['the profile as text', [{...person, Profile: 'Standard User'}], /"Profile" must be an object with a string "Name", like \{"Name": "Standard User"\}/],
		['an unreadable date', [{...person, CreatedDate: 'last Tuesday'}], /"CreatedDate" must be a date-time/],
	])('refuses %s with a message naming the file and the problem', async (_case, content, message) => {
		const file = content === undefined ? path.join(folder, 'users.json') : write('users.json', content);
		const failure = loadUsersFile(file);
		await expect(failure).rejects.toThrow(UsersFileError);
		await expect(failure).rejects.toThrow(message);
		await expect(failure).rejects.toThrow(`Users file ${file}`);
	});

	it('refuses a file without an active Standard user to connect as', async () => {
		const file = write('users.json', [{...person, IsActive: false}]);
		await expect(startDemoOrg({usersFile: file})).rejects.toThrow(/needs an active Standard user to connect as/);
	});
});
