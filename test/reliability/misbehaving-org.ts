import http from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export type Reply = {status?: number; contentType?: string; body: string} | 'never';

/** The ids every well-behaved answer of this server uses. */
export const orgId = '00D000000000001AAA';
export const userId = '005000000000001AAA';

/**
 * A small HTTP server on 127.0.0.1 that plays an org: it answers each request with what `reply` returns for
 * it, which is how a test makes it misbehave on purpose (never answer, send HTML, page forever…). It counts
 * the requests it was sent, and `close()` drops connections still held open.
 */
export async function startMisbehavingOrg(reply: (url: URL, request: http.IncomingMessage) => Reply) {
	const sockets = new Set<Socket>();
	let requests = 0;
	const server = http.createServer((request, response) => {
		requests++;
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const answer = reply(url, request);
		if (answer === 'never') {
			return;
		}

		response.writeHead(answer.status ?? 200, {'Content-Type': answer.contentType ?? 'application/json'});
		response.end(answer.body);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const instanceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		instanceUrl,
		get requests() {
			return requests;
		},
		async close() {
			for (const socket of sockets) {
				socket.destroy();
			}

			await new Promise((resolve) => {
				server.close(resolve);
			});
		},
	};
}

export const json = (body: unknown): Reply => ({body: JSON.stringify(body)});

/**
 * What a well-behaved org answers to the connection test and to a listing of one user, so a test
 * replaces only the answer it is about.
 */
export function wellBehaved(url: URL, instanceUrl: () => string): Reply {
	const query = url.searchParams.get('q') ?? '';
	if (/^\/services\/data\/v[\d.]+\/$/.test(url.pathname)) {
		return json({identity: `${instanceUrl()}/id/${orgId}/${userId}`});
	}

	if (url.pathname.startsWith('/id/')) {
		return json({user_id: userId, organization_id: orgId, username: 'admin@acme.test', display_name: 'Ada Admin'});
	}

	if (query.includes('FROM Organization')) {
		return json({totalSize: 1, done: true, records: [{Id: orgId, Name: 'Acme', IsSandbox: false}]});
	}

	if (query.includes('FROM PermissionSetAssignment')) {
		return json({
			totalSize: 1,
			done: true,
			records: [{PermissionSet: {Name: 'X00e', Label: null, IsOwnedByProfile: true, PermissionsManageUsers: true, PermissionsViewAllUsers: true}}],
		});
	}

	if (query.includes('SELECT Profile.Name FROM User')) {
		return json({totalSize: 1, done: true, records: [{Profile: {Name: 'System Administrator'}}]});
	}

	if (query.includes('FROM User')) {
		return json({totalSize: 1, done: true, records: [userRecord(1)]});
	}

	return {status: 404, body: JSON.stringify([{errorCode: 'NOT_FOUND', message: 'The requested resource does not exist'}])};
}

export function userRecord(index: number) {
	return {
		Id: `005${String(index).padStart(12, '0')}AAA`,
		FirstName: 'Pat',
		LastName: `Person ${index}`,
		Email: `pat${index}@acme.test`,
		Username: `pat${index}@acme.test`,
		IsActive: true,
		UserType: 'Standard',
		Title: null,
		Department: null,
		Profile: {Name: 'Standard User'},
		UserRole: null,
		FederationIdentifier: null,
		SystemModstamp: '2026-05-01T12:00:00.000+0000',
	};
}
