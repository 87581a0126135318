import {countEntries, type PlanCounts, type PlanEntry} from '../core/import-plan.js';
import {formatCount} from '../core/number-format.js';
import type {StatusChange} from '../core/status-changes.js';
import {chooseSyncKind, nextHighWaterMark} from '../core/sync-kind.js';
import type {SafeguardVerdict} from '../core/sync-safeguard.js';
import {inSyncScope} from '../core/sync-scope.js';
import {planRulesFrom} from '../import-rules.js';
import {assertOrgMatches} from '../store/store-origin.js';
import {fetchActivityOwners, fetchSalesforceUsers} from '../salesforce/user-source.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import type {TeamPlacement} from '../core/team-placement.js';
import {describeError, placeOnTeams, type Session} from '../session.js';
import {loadImportContext} from '../store/import-context-query.js';
import {recordFailedRun} from '../store/import-transaction.js';
import {formatShare, planAutomaticSync, runAutomaticSync} from '../store/run-automatic-sync.js';
import {readSyncMemory} from '../store/sync-state.js';

export type SyncOptions = {
	/** Plan against the store as it is and write nothing, not even a run. */
	dryRun: boolean;
	/** Run even past the safeguard, releasing the pending held run (`salesscreen sync --confirm-held`). */
	confirmHeld: boolean;
	/** This store takes this org's users although it holds another org's people (`--switch-org`). */
	switchOrg?: boolean;
	onProgress?: (progress: {done: number; total: number}) => void;
};

/**
 * What one automatic sync did (or, for a dry run, would do).
 *
 * status: `off` Automatically sync users is off, nothing was asked or written; `dry-run` planned only;
 * `completed` written as run `runId`; `held` the safeguard stopped it: run `runId` records what it would have
 * done, nothing else was changed, and `--confirm-held` (confirmHeld) lets it through.
 */
export type SyncReport = {
	status: 'off' | 'dry-run' | 'completed' | 'held';
	/** One sentence for people: what happened and, when held, what to do. */
	message: string;
	/** The recorded run (completed or held); null when off or a dry run. */
	runId: number | null;
	/** full: every user was read; incremental: only users changed since `since`. Null when off. */
	kind: 'full' | 'incremental' | null;
	/** Why this kind: `first sync`, `every 24th sync reads every user`, … */
	kindReason: string | null;
	/** The high-water mark an incremental sync asked from (SystemModstamp > since). */
	since: string | null;
	/** Users Salesforce returned. */
	fetched: number;
	/**
	 * Users who own recent sales activity in the objects the activity scope names; null when the scope
	 * does not ask about activity.
	 */
	activityOwners: number | null;
	/** Of the users read (those fetched and the activity owners), users in the sync scope (linked or not). */
	inScope: number;
	/** The import plan for in-scope users not linked yet (nor ignored), in list order. */
	entries: readonly PlanEntry[];
	counts: PlanCounts;
	/** People made (or to be made) inactive or active again. */
	statusChanges: readonly StatusChange[];
	deactivated: number;
	reactivated: number;
	/** Null when off. `holds` says whether the safeguard was (or, in a dry run, would be) tripped. */
	safeguard: SafeguardVerdict | null;
	/** The held run this one released (confirmHeld), if any. */
	releasedRunId: number | null;
	/** The newest SystemModstamp read; the next incremental sync asks for users changed after it. */
	highWaterMark: string | null;
	/** What the team-from-Salesforce setting did after a completed run (absent otherwise). */
	teams?: TeamPlacement & {error?: string};
};

const offMessage = 'Automatically sync users is off, so nothing was imported. Turn it on in the Settings tab, or: salesscreen settings set auto-sync on';

/**
 * One automatic sync: reads the users Salesforce changed since the last sync (or all of them, see
 * chooseSyncKind), imports those in the sync scope with Import users' rules, makes people whose Salesforce
 * user became inactive inactive (and active again on return), all in one transaction, recorded as an
 * automatic run. Past the safeguard it changes nothing and records a held run instead.
 *
 * A failure (the org unreachable, the store failing) is recorded as a failed automatic run and thrown.
 */
export async function runSync(session: Session, options: SyncOptions): Promise<SyncReport> {
	const {settings, store} = session;
	if (!settings.get('autoSync')) {
		return offReport();
	}

	const operator = session.services.operator;
	const scope = settings.get('syncScope');
	const share = settings.get('safeguardShare');
	const startedAt = new Date().toISOString();
	const memory = readSyncMemory(store);

	let read;
	try {
		const facts = await session.orgFacts();
		if (!options.dryRun) {
			assertOrgMatches(store, facts.identity, options.switchOrg === true);
		}

		const rules = planRulesFrom(settings, facts.isSandbox);
		// What the mark was reached under: another org, scope or set of matching rules needs every user read again.
		const fingerprint = JSON.stringify({org: facts.identity.orgId, scope, matchFederationId: rules.matchFederationId, fillOnMap: rules.fillOnMap});
		const choice = chooseSyncKind(memory, fingerprint, new Date());
		const since = choice.kind === 'incremental' ? choice.since : undefined;
		const users = await fetchSalesforceUsers(session.connection, {modifiedSince: since, part: 'standard'});
		// Asked on every run, incremental too: a user gains activity without their User record changing.
		const owners = scope.activity ? await fetchActivityOwners(session.connection, scope.activity) : undefined;
		read = {rules, fingerprint, choice, since, users, owners, org: facts.identity};
	} catch (error: unknown) {
		if (!options.dryRun) {
			recordFailedRun(store, {operator, mode: 'auto', startedAt, selectedCount: 0}, describeError(error));
		}

		throw error;
	}

	const {rules, fingerprint, choice, since, users, owners, org} = read;
	const highWaterMark = nextHighWaterMark(choice.kind === 'incremental' ? memory.highWaterMark : null, users.map((user) => user.systemModstamp));
	const ownerIds = owners === undefined ? undefined : new Set(owners.map((user) => user.id));
	const inScope = unite(users, owners).filter((user) => inSyncScope(user, scope, ownerIds));
	// Linked users need no import, ignored ones are never offered; both are checked again inside the run.
	const known = loadImportContext(store);
	const candidates = inScope.filter((user) => !known.personIdBySalesforceId.has(user.id) && !known.ignoredSalesforceIds.has(user.id));
	const base = {
		kind: choice.kind,
		kindReason: choice.reason,
		since: since ?? null,
		fetched: users.length,
		activityOwners: owners?.length ?? null,
		inScope: inScope.length,
		highWaterMark,
	};

	if (options.dryRun) {
		const planned = planAutomaticSync(store, candidates, users, rules, share);
		const summary = summarise(planned.plan.entries, planned.statusChanges);
		const holds = planned.safeguard.holds && !options.confirmHeld;
		return {
			...base,
			...summary,
			status: 'dry-run',
			runId: null,
			safeguard: planned.safeguard,
			releasedRunId: null,
			message: `Dry run, nothing written: would create ${formatCount(summary.counts.create)}, map ${formatCount(summary.counts.map)}, make ${formatCount(summary.deactivated)} inactive and ${formatCount(summary.reactivated)} active again${holds ? `; the safeguard would hold this run (${formatCount(summary.deactivated)} of ${formatCount(planned.safeguard.linkedPeople)} linked people, more than ${formatShare(share)})` : ''}.`,
		};
	}

	const result = await runAutomaticSync(store, {
		operator,
		rules,
		candidates,
		fetched: users,
		safeguardShare: share,
		confirmHeld: options.confirmHeld,
		syncKind: choice.kind,
		highWaterMark,
		fingerprint,
		org,
		switchOrg: options.switchOrg,
		onProgress: options.onProgress,
	});
	const summary = summarise(result.plan.entries, result.statusChanges);
	const message =
		result.status === 'held'
			? `Run #${result.runId} held: it would make ${formatCount(summary.deactivated)} of ${formatCount(result.safeguard.linkedPeople)} linked people inactive, more than the safeguard's ${formatShare(share)}; nothing was changed. If that is right, run: salesscreen sync --confirm-held`
			: `Run #${result.runId} (${choice.kind}): created ${formatCount(summary.counts.create)}, mapped ${formatCount(summary.counts.map)}, ${formatCount(summary.counts.alreadyImported)} already imported, ${formatCount(summary.counts.skip)} skipped; ${formatCount(summary.deactivated)} made inactive, ${formatCount(summary.reactivated)} active again${result.releasedRunId === null ? '' : `; released held run #${result.releasedRunId}`}.`;
	const report: SyncReport = {...base, ...summary, status: result.status, runId: result.runId, safeguard: result.safeguard, releasedRunId: result.releasedRunId, message};
	if (result.status === 'completed') {
		// As after Import users: the team-from-Salesforce setting, applied once the run is written.
		report.teams = placeOnTeams(store, settings, result.runId, candidates);
	}

	return report;
}

/** What a sync reports when Automatically sync users is off: nothing asked, nothing written. */
export function offReport(): SyncReport {
	return {...emptyReport(), status: 'off', message: offMessage};
}

/** The users listed, then the activity owners the listing did not return (an incremental listing returns few). */
function unite(users: readonly SalesforceUser[], owners: readonly SalesforceUser[] | undefined): SalesforceUser[] {
	if (owners === undefined) {
		return [...users];
	}

	const listed = new Set(users.map((user) => user.id));
	return [...users, ...owners.filter((owner) => !listed.has(owner.id))];
}

function summarise(entries: readonly PlanEntry[], statusChanges: readonly StatusChange[]) {
	const deactivated = statusChanges.filter((change) => change.action === 'deactivate').length;
	return {entries, counts: countEntries(entries), statusChanges, deactivated, reactivated: statusChanges.length - deactivated};
}

function emptyReport(): Omit<SyncReport, 'status' | 'message'> {
	return {
		runId: null,
		kind: null,
		kindReason: null,
		since: null,
		fetched: 0,
		activityOwners: null,
		inScope: 0,
		entries: [],
		counts: countEntries([]),
		statusChanges: [],
		deactivated: 0,
		reactivated: 0,
		safeguard: null,
		releasedRunId: null,
		highWaterMark: null,
	};
}
