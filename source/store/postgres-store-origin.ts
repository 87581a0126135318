import type pg from 'pg';
import {judgeOrgSwitch, OrgSwitchError, type OrgIdentity, type RememberedOrg} from '../core/org-switch.js';
import type {StoreOrigin} from './store-origin.js';

type OriginRow = {orgId: string | null; orgIsDemo: boolean | null; orgInstanceUrl: string | null; orgSince: string | null};

async function rememberedOrg(client: pg.ClientBase | pg.Pool): Promise<RememberedOrg | undefined> {
	const result = await client.query<OriginRow>(
		'select org_id as "orgId", org_is_demo as "orgIsDemo", org_instance_url as "orgInstanceUrl", org_since as "orgSince" from store_origin where id = 1',
	);
	const row = result.rows[0];
	return row === undefined || row.orgId === null ? undefined : {orgId: row.orgId, isDemo: row.orgIsDemo === true, instanceUrl: row.orgInstanceUrl ?? '', since: row.orgSince ?? ''};
}

async function verdictFor(client: pg.ClientBase | pg.Pool, org: OrgIdentity, switchOrg: boolean) {
	const linked = (await client.query<{n: number}>('select count(*)::int as n from salesforce_links')).rows[0]!.n;
	const verdict = judgeOrgSwitch(await rememberedOrg(client), org, {linkedPeople: linked}, switchOrg);
	if (!verdict.allowed) {
		throw new OrgSwitchError(verdict.reason);
	}

	return verdict;
}

/** Throws OrgSwitchError unless a run may write `org`'s users into this store (see store-origin.ts). Writes nothing. */
export async function assertOrgMatchesOnPostgres(client: pg.ClientBase | pg.Pool, org: OrgIdentity, switchOrg: boolean): Promise<void> {
	await verdictFor(client, org, switchOrg);
}

/** Inside a run's write transaction: the same check, and the org remembered when this is the first (or an admitted other). */
export async function claimOrgOnPostgres(client: pg.ClientBase, org: OrgIdentity, switchOrg: boolean): Promise<void> {
	const verdict = await verdictFor(client, org, switchOrg);
	if (verdict.remember) {
		await client.query(
			`insert into store_origin (id, org_id, org_is_demo, org_instance_url, org_since) values (1, $1, $2, $3, $4)
			 on conflict (id) do update set org_id = $1, org_is_demo = $2, org_instance_url = $3, org_since = $4, updated_at = $4`,
			[org.orgId, org.isDemo, org.instanceUrl, new Date().toISOString()],
		);
	}
}

/** Where this store's people come from (see store-origin.ts). */
export async function readStoreOriginOnPostgres(client: pg.ClientBase | pg.Pool): Promise<StoreOrigin> {
	const result = await client.query<{createdOnDemo: boolean; demoUsers: number | null; demoSeed: number | null}>(
		'select created_on_demo as "createdOnDemo", demo_users as "demoUsers", demo_seed as "demoSeed" from store_origin where id = 1',
	);
	const row = result.rows[0];
	const org = await rememberedOrg(client);
	return {
		createdOnDemo: row?.createdOnDemo === true,
		...(row?.createdOnDemo ? {demo: {users: row.demoUsers, seed: row.demoSeed}} : {}),
		...(org === undefined ? {} : {org}),
	};
}

/** Marks an empty store as started by the demo org, with the demo's size and seed (see store-origin.ts). */
export async function markCreatedOnDemoOnPostgres(client: pg.ClientBase, demo: {users?: number; seed?: number}): Promise<void> {
	const counts = await client.query<{people: number; links: number}>(
		"select (select count(*) from people where origin != 'demo-seed')::int as people, (select count(*) from salesforce_links)::int as links",
	);
	if (counts.rows[0]!.people > 0 || counts.rows[0]!.links > 0 || (await rememberedOrg(client)) !== undefined) {
		return;
	}

	await client.query(
		`insert into store_origin (id, created_on_demo, demo_users, demo_seed) values (1, true, $1, $2)
		 on conflict (id) do update set created_on_demo = true, demo_users = $1, demo_seed = $2, updated_at = $3`,
		[demo.users ?? null, demo.seed ?? null, new Date().toISOString()],
	);
}
