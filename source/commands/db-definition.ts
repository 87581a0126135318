import {defineCommand} from './command-definition.js';
import {UsageError} from './usage-error.js';

export const dbDefinition = defineCommand({
	name: 'db',
	synopsis: 'db --help',
	summary: 'Which store is used, its schema version; migrate it',
	help: `
	The SalesScreen store: the SQLite file in the data folder (the default), or a PostgreSQL database
	chosen by --database URL on any command, SALESSCREEN_DATABASE_URL, or a URL saved by an admin.

	Usage
	  $ salesscreen db status [--json]     Which store is in use, and its schema version
	  $ salesscreen db migrate [--json]    Apply the migrations this salesscreen has (the app does at start-up)
	  $ salesscreen db use URL             Save a PostgreSQL URL (without its password) for every command
	  $ salesscreen db use sqlite          Go back to the SQLite file
	  $ salesscreen db copy --to URL       Copy the SQLite store (people, teams, links, manual choices,
	                                       runs and outcomes, sync state) into an EMPTY PostgreSQL
	                                       database, in one transaction; a database with rows is refused

	The password comes from the URL, PGPASSWORD, or ~/.pgpass (as for psql); sslmode in the URL works as
	in libpq (require: encrypted; verify-full: the certificate and host are checked too). A URL is never
	printed with its password.

	Example
	  $ SALESSCREEN_DATABASE_URL=postgres://salesscreen@db.example.com/salesscreen salesscreen db migrate

	Exit codes: 0 done (status: up to date), 1 failed or refused (status: a newer salesscreen's store),
	2 wrong usage, 3 not an admin, 4 status: migrations to apply.
`,
	flags: {json: {type: 'boolean', default: false}, to: {type: 'string', takes: 'the PostgreSQL URL to copy into'}},
	async run({input, flags}) {
		const [action, ...rest] = input;
		const {dbStatusCommand, dbMigrateCommand, dbUseCommand, dbCopyCommand} = await import('./db-command.js');
		if (action === 'copy' && rest.length === 0) {
			if (flags.to === undefined) {
				throw new UsageError('db copy needs --to postgres://user@host/database: the empty database to copy into.', {hint: true});
			}

			return dbCopyCommand(flags.to, process.stdout);
		}

		if (action === 'status' && rest.length === 0) {
			return dbStatusCommand(flags.json, process.stdout);
		}

		if (action === 'migrate' && rest.length === 0) {
			return dbMigrateCommand(flags.json, process.stdout);
		}

		if (action === 'use' && rest.length === 1) {
			return dbUseCommand(rest[0]!, process.stdout);
		}

		throw new UsageError(action === undefined ? 'db needs an action: status, migrate, use or copy.' : `db ${action}${rest.length > 0 ? ' …' : ''} is not a db command.`, {hint: true});
	},
});
