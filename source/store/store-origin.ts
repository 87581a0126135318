import {judgeOrgSwitch, OrgSwitchError, type OrgIdentity, type RememberedOrg} from '../core/org-switch.js';
import type {Store} from './database.js';

export type StoreOrigin = {
	/** The demo org started this store (and seeded it); `demo` says how to start the same one again. */
	createdOnDemo: boolean;
	demo?: {users: number | null; seed: number | null};
	/** The org imports wrote from, once one did. */
	org?: RememberedOrg;
};

type OriginRow = {
	createdOnDemo: number;
	demoUsers: number | null;
	demoSeed: number | null;
	orgId: string | null;
	orgIsDemo: number | null;
	orgInstanceUrl: string | null;
	orgSince: string | null;
};

export function readStoreOrigin(store: Store): StoreOrigin {
	const row = store.sqlite
		.prepare(
			'select created_on_demo as createdOnDemo, demo_users as demoUsers, demo_seed as demoSeed, org_id as orgId, org_is_demo as orgIsDemo, org_instance_url as orgInstanceUrl, org_since as orgSince from store_origin where id = 1',
		)
		.get() as OriginRow | undefined;
	if (row === undefined) {
		return {createdOnDemo: false};
	}

	return {
		createdOnDemo: row.createdOnDemo === 1,
		...(row.createdOnDemo === 1 ? {demo: {users: row.demoUsers, seed: row.demoSeed}} : {}),
		...(row.orgId === null
			? {}
			: {org: {orgId: row.orgId, isDemo: row.orgIsDemo === 1, instanceUrl: row.orgInstanceUrl ?? '', since: row.orgSince ?? ''}}),
	};
}

/** Marks an empty store as started by the demo org, with the demo's size and seed. A store with people is left as it is. */
export function markCreatedOnDemo(store: Store, demo: {users?: number; seed?: number}): void {
	const people = (store.sqlite.prepare("select count(*) as n from people where origin != 'demo-seed'").get() as {n: number}).n;
	const links = (store.sqlite.prepare('select count(*) as n from salesforce_links').get() as {n: number}).n;
	if (people > 0 || links > 0 || readStoreOrigin(store).org !== undefined) {
		return;
	}

	store.sqlite
		.prepare(
			`insert into store_origin (id, created_on_demo, demo_users, demo_seed) values (1, 1, @users, @seed)
			 on conflict (id) do update set created_on_demo = 1, demo_users = @users, demo_seed = @seed, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
		)
		.run({users: demo.users ?? null, seed: demo.seed ?? null});
}

function linkedPeople(store: Store): number {
	return (store.sqlite.prepare('select count(*) as n from salesforce_links').get() as {n: number}).n;
}

/** Throws OrgSwitchError unless a run may write `org`'s users into this store (see judgeOrgSwitch). Writes nothing. */
export function assertOrgMatches(store: Store, org: OrgIdentity, switchOrg: boolean): void {
	const verdict = judgeOrgSwitch(readStoreOrigin(store).org, org, {linkedPeople: linkedPeople(store)}, switchOrg);
	if (!verdict.allowed) {
		throw new OrgSwitchError(verdict.reason);
	}
}

/**
 * Inside a run's write transaction: the same check against the store as it is once the lock is held, and
 * the org remembered from now on when this is the first (or an admitted other) one.
 */
export function claimOrg(store: Store, org: OrgIdentity, switchOrg: boolean): void {
	const verdict = judgeOrgSwitch(readStoreOrigin(store).org, org, {linkedPeople: linkedPeople(store)}, switchOrg);
	if (!verdict.allowed) {
		throw new OrgSwitchError(verdict.reason);
	}

	if (verdict.remember) {
		store.sqlite
			.prepare(
				`insert into store_origin (id, org_id, org_is_demo, org_instance_url, org_since) values (1, @orgId, @isDemo, @url, @since)
				 on conflict (id) do update set org_id = @orgId, org_is_demo = @isDemo, org_instance_url = @url, org_since = @since, updated_at = @since`,
			)
			.run({orgId: org.orgId, isDemo: org.isDemo ? 1 : 0, url: org.instanceUrl, since: new Date().toISOString()});
	}
}
