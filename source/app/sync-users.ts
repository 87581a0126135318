import {formatCount} from '../core/number-format.js';
import {countEntries, planImport, type ImportPlan, type PlanCounts, type PlanEntry} from '../core/import-plan.js';
import type {PlanRules} from '../core/import-context.js';
import type {OrgIdentity} from '../core/org-switch.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {planStatusChanges, type StatusChange} from '../core/status-changes.js';
import {chooseSyncKind, nextHighWaterMark} from '../core/sync-kind.js';
import {safeguardVerdict, type SafeguardVerdict} from '../core/sync-safeguard.js';
import {inSyncScope} from '../core/sync-scope.js';
import type {TeamPlacement} from '../core/team-placement.js';
import {UserFacingError} from '../core/user-facing-error.js';
import {AppError} from './app-error.js';
import {peopleOnNoTeam, placeOnTeams, rulesFrom} from './import-users.js';
import type {RunReads, RunWrites} from './ports/run-store.js';
import {writeWait, type RunListeners, type RunPorts} from './run-context.js';
import {withWriteLock} from './write-lock-wait.js';
import {writeInChunks} from './write-in-chunks.js';

export type SyncOptions = RunListeners & {
	/** Plan against the store as it is and write nothing, not even a run. */
	dryRun: boolean;
	/** Run even past the safeguard, releasing the pending held run (`salesscreen sync --confirm-held`). */
	confirmHeld: boolean;
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
	/** What the default team setting did after a completed run, after the team-from-Salesforce rule (absent when none is set). */
	defaultTeam?: TeamPlacement & {name: string; error?: string};
	/** Of the people a completed run created or mapped, those on no team once it is placed (absent otherwise). */
	onNoTeam?: number;
};

export type AutomaticPlan = {
	/** The users to import (in scope, not linked yet), planned by Import users' rules. */
	plan: ImportPlan;
	/** People to make inactive or active again, from every user Salesforce returned. */
	statusChanges: StatusChange[];
	safeguard: SafeguardVerdict;
};

export type AutomaticRunInput = {
	rules: Partial<PlanRules>;
	/** Users to import: in the sync scope. */
	candidates: readonly SalesforceUser[];
	/** Every user this sync read from Salesforce, in scope or not: a linked user's IsActive counts wherever they are. */
	fetched: readonly SalesforceUser[];
	/** An admin confirmed: run even past the safeguard, and mark the pending held run released. */
	confirmHeld: boolean;
	syncKind: 'full' | 'incremental';
	/** The newest SystemModstamp read, remembered once the run completes. */
	highWaterMark: string | null;
	fingerprint: string;
	/** The org the users come from: checked against (and remembered by) the store under the lock. */
	org: OrgIdentity;
	switchOrg?: boolean;
};

export type AutomaticRunResult = AutomaticPlan & {runId: number; status: 'completed' | 'held'; releasedRunId: number | null};

const offMessage = 'Automatically sync users is off, so nothing was imported. Turn it on in the Settings tab, or: salesscreen settings set auto-sync on';

export function formatShare(share: number): string {
	return `${Math.round(share * 1000) / 10}%`;
}

/** What an automatic run would do against the store as the reads see it; writes nothing. */
export async function planAutomaticRun(reads: RunReads, candidates: readonly SalesforceUser[], fetched: readonly SalesforceUser[], rules: Partial<PlanRules>, share: number): Promise<AutomaticPlan> {
	const plan = planImport(candidates, await reads.importContext(rules));
	const linked = await reads.linkedPeople();
	const statusChanges = planStatusChanges(fetched, linked);
	const deactivations = statusChanges.filter((change) => change.action === 'deactivate').length;
	return {plan, statusChanges, safeguard: safeguardVerdict(deactivations, linked.size, share)};
}

/**
 * One automatic run, in one transaction, planned once the write lock is held. Past the safeguard (and not
 * confirmed) it writes only a `held` run with what it would have done; otherwise it imports, deactivates and
 * reactivates, and moves the sync's high-water mark, all or nothing.
 */
async function writeAutomaticRun(ports: RunPorts, writes: RunWrites, input: AutomaticRunInput, startedAt: string, listeners: RunListeners): Promise<AutomaticRunResult> {
	const operator = ports.operator.login;
	await writes.claimOrg(input.org, input.switchOrg === true);
	const planned = await planAutomaticRun(writes, input.candidates, input.fetched, input.rules, ports.settings.get('safeguardShare'));
	const {plan, statusChanges, safeguard} = planned;
	const deactivated = statusChanges.filter((change) => change.action === 'deactivate').length;
	const reactivated = statusChanges.length - deactivated;
	const counts = {created: plan.counts.create, mapped: plan.counts.map, alreadyImported: plan.counts.alreadyImported, skipped: plan.counts.skip, deactivated, reactivated};
	const run = {operator, mode: 'auto' as const, startedAt, selectedCount: input.candidates.length, syncKind: input.syncKind};

	if (safeguard.holds && !input.confirmHeld) {
		const note = `held: would make ${formatCount(deactivated)} of ${formatCount(safeguard.linkedPeople)} linked people inactive, more than the safeguard's ${formatShare(safeguard.share)}; nothing was changed. Run salesscreen sync --confirm-held to apply it.`;
		const runId = await writes.insertRun({...run, status: 'held', note});
		await writes.recordEntries(runId, plan.entries);
		await writes.recordStatusChanges(runId, statusChanges);
		await writes.finishRun(runId, counts, ports.clock.now().toISOString());
		return {...planned, runId, status: 'held', releasedRunId: null};
	}

	const pendingHeld = input.confirmHeld ? await writes.pendingHeldRun() : undefined;
	const note = pendingHeld === undefined ? null : `releases held run #${pendingHeld}, confirmed by ${operator}`;
	const runId = await writes.insertRun({...run, status: 'completed', note, releasesRunId: pendingHeld ?? null});
	await writeInChunks(plan.entries, async (chunk) => writes.writeEntries(runId, chunk, startedAt), listeners.onProgress, listeners.chunkSize);
	await writes.writeStatusChanges(runId, statusChanges, startedAt);
	await writes.finishRun(runId, counts, ports.clock.now().toISOString());
	if (pendingHeld !== undefined) {
		await writes.markReleased(pendingHeld, `released by run #${runId}, confirmed by ${operator}`);
	}

	await writes.recordSyncProgress({kind: input.syncKind, highWaterMark: input.highWaterMark, fingerprint: input.fingerprint, at: startedAt});
	return {...planned, runId, status: 'completed', releasedRunId: pendingHeld ?? null};
}

/** The automatic run alone, from users already read: waits for the write lock, records a failure. */
export async function applyAutomaticRun(ports: RunPorts, input: AutomaticRunInput, listeners: RunListeners = {}): Promise<AutomaticRunResult> {
	const startedAt = ports.clock.now().toISOString();
	const holder = {operator: ports.operator.login, mode: 'auto' as const, startedAt};
	try {
		return await withWriteLock(ports.store, ports.clock, holder, writeWait(ports, listeners), async (writes) =>
			writeAutomaticRun(ports, writes, input, startedAt, listeners),
		);
	} catch (error: unknown) {
		return recordSyncFailure(ports, startedAt, input.candidates.length, error);
	}
}

async function recordSyncFailure(ports: RunPorts, startedAt: string, selectedCount: number, error: unknown): Promise<never> {
	const reason = error instanceof UserFacingError ? error.message : ports.describeError(error);
	await ports.store.recordFailedRun({operator: ports.operator.login, mode: 'auto', startedAt, selectedCount}, reason, ports.clock.now().toISOString());
	// Words written for people already (another org, the wait given up) are said as they are.
	if (error instanceof UserFacingError) {
		throw error;
	}

	throw new AppError('run-failed', `The sync failed and nothing of it was written: ${reason}`, {cause: error});
}

/** What a sync reports when Automatically sync users is off: nothing asked, nothing written. */
export function offReport(): SyncReport {
	return {...emptyReport(), status: 'off', message: offMessage};
}

/**
 * A sync whose org could not be opened (none connected, its saved connection unreadable). With Automatically
 * sync users off nothing was due, and it says so as always; otherwise the failure is recorded as a failed
 * automatic run (for the Settings tab and history; not for a dry run) and passed on as it is. The same
 * rights as any sync are asked first.
 */
export async function syncWithoutOrg(ports: Omit<RunPorts, 'salesforce'>, options: Pick<SyncOptions, 'dryRun' | 'confirmHeld'>, failure: unknown): Promise<SyncReport> {
	if (!options.dryRun) {
		await ports.guard.require(options.confirmHeld ? 'release-held' : 'sync');
	}

	if (!ports.settings.get('autoSync')) {
		return offReport();
	}

	if (!options.dryRun) {
		const at = ports.clock.now().toISOString();
		await ports.store.recordFailedRun({operator: ports.operator.login, mode: 'auto', startedAt: at, selectedCount: 0}, ports.describeError(failure), at);
	}

	throw failure;
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

/**
 * One automatic sync: reads the users Salesforce changed since the last sync (or all of them, see
 * chooseSyncKind), imports those in the sync scope with Import users' rules, makes people whose Salesforce
 * user became inactive inactive (and active again on return), all in one transaction, recorded as an
 * automatic run. Past the safeguard it changes nothing and records a held run instead.
 *
 * Who may: an admin, or the account that owns the data folder (cron); releasing a held run (confirmHeld)
 * needs an admin. A failure (the org unreachable, the store failing, another run holding the store past the
 * wait) is recorded as a failed automatic run and thrown as an AppError.
 */
export async function syncUsers(ports: RunPorts, options: SyncOptions): Promise<SyncReport> {
	const {settings} = ports;
	if (!options.dryRun) {
		await ports.guard.require(options.confirmHeld ? 'release-held' : 'sync');
	}

	if (!settings.get('autoSync')) {
		return offReport();
	}

	const scope = settings.get('syncScope');
	const share = settings.get('safeguardShare');
	const startedAt = ports.clock.now().toISOString();
	const memory = await ports.store.syncMemory();

	let read;
	try {
		const facts = await ports.salesforce.organizationFacts();
		if (!options.dryRun) {
			await ports.store.assertOrgMatches(facts.identity, options.switchOrg === true);
		}

		const rules = rulesFrom(settings, facts.isSandbox);
		// What the mark was reached under: another org, scope or set of matching rules needs every user read again.
		const fingerprint = JSON.stringify({org: facts.identity.orgId, scope, matchFederationId: rules.matchFederationId, fillOnMap: rules.fillOnMap});
		const choice = chooseSyncKind(memory, fingerprint, ports.clock.now());
		const since = choice.kind === 'incremental' ? choice.since : undefined;
		// Standard users, active or not: an inactive one is how sync learns to deactivate their person.
		const users = await ports.salesforce.listUsers({modifiedSince: since, part: 'standard', signal: options.signal});
		// Asked on every run, incremental too: a user gains activity without their User record changing.
		const owners = scope.activity ? await ports.salesforce.activityOwners(scope.activity, {signal: options.signal}) : undefined;
		read = {rules, fingerprint, choice, since, users, owners, org: facts.identity};
	} catch (error: unknown) {
		if (options.dryRun) {
			throw error;
		}

		return recordSyncFailure(ports, startedAt, 0, error);
	}

	const {rules, fingerprint, choice, since, users, owners, org} = read;
	const highWaterMark = nextHighWaterMark(choice.kind === 'incremental' ? memory.highWaterMark : null, users.map((user) => user.systemModstamp));
	const ownerIds = owners === undefined ? undefined : new Set(owners.map((user) => user.id));
	const inScope = unite(users, owners).filter((user) => inSyncScope(user, scope, ownerIds));
	// Linked users need no import, ignored ones are never offered; both are checked again inside the run.
	const known = await ports.store.importContext();
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
		const planned = await planAutomaticRun(ports.store, candidates, users, rules, share);
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

	const result = await applyAutomaticRun(ports, {rules, candidates, fetched: users, confirmHeld: options.confirmHeld, syncKind: choice.kind, highWaterMark, fingerprint, org, switchOrg: options.switchOrg}, options);
	const summary = summarise(result.plan.entries, result.statusChanges);
	const message =
		result.status === 'held'
			? `Run #${result.runId} held: it would make ${formatCount(summary.deactivated)} of ${formatCount(result.safeguard.linkedPeople)} linked people inactive, more than the safeguard's ${formatShare(share)}; nothing was changed. If that is right, run: salesscreen sync --confirm-held`
			: `Run #${result.runId} (${choice.kind}): created ${formatCount(summary.counts.create)}, mapped ${formatCount(summary.counts.map)}, ${formatCount(summary.counts.alreadyImported)} already imported, ${formatCount(summary.counts.skip)} skipped; ${formatCount(summary.deactivated)} made inactive, ${formatCount(summary.reactivated)} active again${result.releasedRunId === null ? '' : `; released held run #${result.releasedRunId}`}.`;
	const report: SyncReport = {...base, ...summary, status: result.status, runId: result.runId, safeguard: result.safeguard, releasedRunId: result.releasedRunId, message};
	if (result.status === 'completed') {
		// As after Import users: the team-from-Salesforce setting, applied once the run is written.
		report.teams = await placeOnTeams(ports, result.runId, candidates);
		const defaultTeam = ports.settings.get('defaultTeam');
		if (defaultTeam !== '') {
			// After the rule, so that a role's or department's team wins; a failure leaves the run as it is, as the rule's does.
			report.defaultTeam = await ports.store.placeOnDefaultTeam(result.runId, defaultTeam).then(
				(placement) => ({name: defaultTeam, ...placement}),
				(error: unknown) => ({name: defaultTeam, placed: 0, newTeams: [], error: ports.describeError(error)}),
			);
		}

		report.onNoTeam = await peopleOnNoTeam(ports, result.runId);
	}

	return report;
}
