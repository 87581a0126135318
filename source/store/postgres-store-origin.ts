import type pg from 'pg';
import {judgeOrgSwitch, OrgSwitchError, type OrgIdentity, type RememberedOrg} from '../core/org-switch.js';

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
