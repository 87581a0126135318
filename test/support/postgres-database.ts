import {afterAll, describe} from 'vitest';
import pg from 'pg';

/**
 * The PostgreSQL server the tests may use: `.ci/with-postgres` starts a throwaway one and sets it.
 * Unset, every PostgreSQL test is skipped, and says so once.
 */
export const testPostgresUrl = process.env.SALESSCREEN_TEST_POSTGRES_URL || undefined;

let warned = false;

/** `describe` for tests that need PostgreSQL: skipped, with the reason printed, when no server is given. */
export function describeOnPostgres(name: string, body: () => void): void {
	if (!testPostgresUrl && !warned) {
		warned = true;
		console.warn(
			'PostgreSQL tests skipped: SALESSCREEN_TEST_POSTGRES_URL is not set (run `.ci/with-postgres npm test`, see README)',
		);
	}

	describe.skipIf(!testPostgresUrl)(`${name} (PostgreSQL)`, body);
}

let created = 0;

/** An empty database of its own on the test server, dropped when the test file ends. */
export async function freshPostgresDatabase(): Promise<string> {
	if (!testPostgresUrl) {
		throw new Error('freshPostgresDatabase needs SALESSCREEN_TEST_POSTGRES_URL');
	}

	const name = `salesscreen_test_${process.pid}_${Date.now().toString(36)}_${created++}`;
	const admin = new pg.Client({connectionString: testPostgresUrl});
	await admin.connect();
	try {
		await admin.query(`create database "${name}"`);
	} finally {
		await admin.end();
	}

	afterAll(async () => {
		const dropper = new pg.Client({connectionString: testPostgresUrl});
		await dropper.connect();
		try {
			await dropper.query(`drop database if exists "${name}" with (force)`);
		} finally {
			await dropper.end();
		}
	});

	const url = new URL(testPostgresUrl);
	url.pathname = `/${name}`;
	return url.href;
}
