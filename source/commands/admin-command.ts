import {grantAdmin, listAdmins, type GrantedAdmin} from '../app/admins.js';
import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {DirectoryError} from '../core/directory-error.js';
import {resolveOperator} from '../operator-identity.js';
import {withChosenStore} from '../chosen-store.js';
import {directoryPortsOver} from '../run-ports.js';
import {UsageError} from './usage-error.js';

export type AdminFlags = {name?: string; email?: string; json: boolean};

/**
 * `salesscreen admin add LOGIN [--name N --email E]` and `salesscreen admin list`: who may change things.
 * Adding is for an admin, or for anyone while the store has no admin yet (that is how an install is set up).
 */
export async function adminCommand(words: readonly string[], flags: AdminFlags, out: NodeJS.WritableStream): Promise<number> {
	const [action, login, ...rest] = words;
	if (!((action === 'add' && login !== undefined && rest.length === 0) || (action === 'list' && login === undefined))) {
		throw new UsageError('Use: salesscreen admin add LOGIN --name N --email E, or salesscreen admin list. Run salesscreen admin --help.');
	}

	if (action === 'list' && (flags.name !== undefined || flags.email !== undefined)) {
		throw new UsageError('admin list takes no --name or --email.');
	}

	const home = resolveAppHome();
	ensureAppHome(home);
	return withChosenStore(home, async (store) => {
		const ports = directoryPortsOver(store.ports.directory, resolveOperator(home.home));
		if (action === 'list') {
			const admins = await listAdmins(ports);
			if (flags.json) {
				out.write(`${JSON.stringify(admins.map((admin) => ({login: admin.login, name: admin.name})))}\n`);
			} else if (admins.length === 0) {
				out.write('No admin yet: whoever runs salesscreen may change everything. Add one: salesscreen admin add LOGIN --name N --email E\n');
			} else {
				for (const admin of admins) {
					out.write(`${admin.login}\t${admin.name}\n`);
				}
			}

			return 0;
		}

		let granted: GrantedAdmin;
		try {
			granted = await grantAdmin(ports, {login: login!, name: flags.name, email: flags.email});
		} catch (error: unknown) {
			// A login, name or email that cannot work is the caller's to correct, like any other wrong argument.
			throw error instanceof DirectoryError ? new UsageError(error.message) : error;
		}

		const what = granted.created ? 'added as a new person' : 'now an admin';
		out.write(flags.json ? `${JSON.stringify({...granted})}\n` : `${granted.name} <${granted.email}> (OS login ${granted.login}) is ${what}.\n`);
		return 0;
	});
}
