import type {PlanRules} from '../core/import-context.js';
import {planImport, type PlanEntry} from '../core/import-plan.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {normaliseTeamName} from '../core/team-name.js';
import {previewTeamPlacement, type TeamPlacement, type TeamPlacementPreview} from '../core/team-placement.js';
import {OrgSwitchError} from '../core/org-switch.js';
import {AppError} from './app-error.js';
import type {RetryNotice, UserPart} from './ports/salesforce-directory.js';
import type {SettingsReader} from './ports/settings-port.js';
import {writeWait, type RunListeners, type RunPorts} from './run-context.js';
import {withWriteLock} from './write-lock-wait.js';
import {writeInChunks} from './write-in-chunks.js';

/** What an import did (runId set) or, planned only, would do (runId null). */
export type ImportReport = {
	entries: readonly PlanEntry[];
	runId: number | null;
	selected: number;
	mode: 'manual';
	/** What the team-from-Salesforce setting did after the run; error when that failed (the import itself stands). */
	teams?: TeamPlacement & {error?: string};
	/** Of the people the run created or mapped, those on no team once it is written (their sales activity is not counted). */
	onNoTeam?: number;
	/** A plan only, with the team rule on: where the rule would put people. */
	teamsPreview?: Pick<TeamPlacementPreview, 'teams' | 'unplaced'>;
};

/** The planning rules the settings choose, for an org known to be (or not be) a sandbox. */
export function rulesFrom(settings: SettingsReader, orgIsSandbox: boolean): PlanRules {
	return {orgIsSandbox, matchFederationId: settings.get('matchFederationId'), fillOnMap: settings.get('fillOnMap')};
}

/** The same, asking the org whether it is a sandbox. */
export async function planRules(ports: RunPorts): Promise<PlanRules> {
	return rulesFrom(ports.settings, (await ports.salesforce.organizationFacts()).isSandbox);
}

/** What import planning reads of the store now, with the rules the settings choose for an org known to be (or not be) a sandbox. */
export async function importContextFor(ports: Pick<RunPorts, 'store' | 'settings'>, orgIsSandbox: boolean) {
	return ports.store.importContext(rulesFrom(ports.settings, orgIsSandbox));
}

/** What the team-from-Salesforce setting would do to these users, with the teams there are now. */
export async function previewTeams(ports: RunPorts, users: readonly SalesforceUser[]) {
	const rule = ports.settings.get('teamFromSalesforce');
	const existing = new Set((await ports.store.teamNames()).map((name) => normaliseTeamName(name)));
	return {rule, ...previewTeamPlacement(users, rule, existing)};
}

/** The team-from-Salesforce setting, applied once a run is written; its failure leaves the run as it is. */
export async function placeOnTeams(ports: RunPorts, runId: number, users: readonly SalesforceUser[]): Promise<TeamPlacement & {error?: string}> {
	try {
		return await ports.store.placeOnTeams(runId, users, ports.settings.get('teamFromSalesforce'));
	} catch (error: unknown) {
		return {placed: 0, newTeams: [], error: ports.describeError(error)};
	}
}

/** Of a written run's created and mapped people, how many are on no team; undefined when the store cannot say (the run stands). */
export async function peopleOnNoTeam(ports: RunPorts, runId: number): Promise<number | undefined> {
	try {
		return await ports.store.peopleOnNoTeam(runId);
	} catch {
		return undefined;
	}
}

/**
 * Import users: the same for the app's Users tab and for `salesscreen import`. Only a SalesScreen admin may
 * import, and only while the connected Salesforce user may list every user of the org (the app's Overview
 * shows the same reason). An import is planned inside its transaction, against the store as it is once the
 * write lock is held, so two importers never both create the same person; a run that finds another one
 * writing waits for it. Any failure writes nothing and is recorded as a failed run. Import never
 * deactivates anyone: that is automatic sync's alone.
 */
export function importUsers(ports: RunPorts) {
	const mayImport = async (switchOrg: boolean) => {
		await ports.guard.require('import');
		const rights = await ports.salesforce.connectedUserRights();
		if (!rights.authorized) {
			throw new AppError('salesforce-rights', `Import is blocked. ${rights.reason ?? ''}`.trim());
		}

		// Before listing anyone: another org's users are refused unless the admin said so; the run checks again.
		await ports.store.assertOrgMatches((await ports.salesforce.organizationFacts()).identity, switchOrg);
	};

	const failed = async (startedAt: string, selectedCount: number, error: unknown): Promise<never> => {
		// Another org's users: the admin is asked (--switch-org, or Enter in the app); nothing was tried.
		if (error instanceof OrgSwitchError) {
			throw error;
		}

		const reason = error instanceof AppError ? error.message : ports.describeError(error);
		await ports.store.recordFailedRun({operator: ports.operator.login, mode: 'manual', startedAt, selectedCount}, reason, ports.clock.now().toISOString());
		if (error instanceof AppError) {
			throw error;
		}

		throw new AppError('run-failed', `The import failed and nothing of it was written: ${reason}`, {cause: error});
	};

	const write = async (users: readonly SalesforceUser[], listeners: RunListeners, startedAt: string): Promise<ImportReport> => {
		const holder = {operator: ports.operator.login, mode: 'manual' as const, startedAt};
		let result;
		try {
			const facts = await ports.salesforce.organizationFacts();
			const rules = rulesFrom(ports.settings, facts.isSandbox);
			result = await withWriteLock(ports.store, ports.clock, holder, writeWait(ports, listeners), async (writes) => {
				await writes.claimOrg(facts.identity, listeners.switchOrg === true);
				const plan = planImport(users, await writes.importContext(rules));
				const runId = await writes.insertRun({...holder, status: 'completed', selectedCount: users.length});
				await writeInChunks(plan.entries, async (chunk) => writes.writeEntries(runId, chunk, startedAt), listeners.onProgress, listeners.chunkSize);
				const {counts} = plan;
				await writes.finishRun(
					runId,
					{created: counts.create, mapped: counts.map, alreadyImported: counts.alreadyImported, skipped: counts.skip, deactivated: 0, reactivated: 0},
					ports.clock.now().toISOString(),
				);
				return {runId, entries: plan.entries};
			});
		} catch (error: unknown) {
			return failed(startedAt, users.length, error);
		}

		const teams = await placeOnTeams(ports, result.runId, users);
		return {entries: result.entries, runId: result.runId, selected: users.length, mode: 'manual', teams, onNoTeam: await peopleOnNoTeam(ports, result.runId)};
	};

	const list = async (options: {dryRun: boolean; part?: UserPart; onRetry?: (notice: RetryNotice) => void; onNotice?: (message: string) => void; signal?: AbortSignal}, startedAt: string) => {
		try {
			return await ports.salesforce.listUsers({part: options.part, onRetry: options.onRetry, onNotice: options.onNotice, signal: options.signal});
		} catch (error: unknown) {
			// A dry run writes nothing, not even a failed run.
			return options.dryRun ? Promise.reject(error) : failed(startedAt, 0, error);
		}
	};

	return {
		/** Imports these users (already listed, as on the Users tab). */
		async run(users: readonly SalesforceUser[], listeners: RunListeners = {}): Promise<ImportReport> {
			await mayImport(listeners.switchOrg === true);
			return write(users, listeners, ports.clock.now().toISOString());
		},
		/** What importing these users would do against the store as it is; writes nothing, open to everyone. */
		async plan(users: readonly SalesforceUser[]): Promise<ImportReport> {
			const {entries} = planImport(users, await ports.store.importContext(await planRules(ports)));
			// Only people the run would create or map are placed by the team rule.
			const placed = entries.flatMap((entry) => (entry.action === 'create' || entry.action === 'map' ? [entry.user] : []));
			const preview = await previewTeams(ports, placed);
			return {entries, runId: null, selected: users.length, mode: 'manual', ...(preview.rule === 'off' ? {} : {teamsPreview: {teams: preview.teams, unplaced: preview.unplaced}})};
		},
		/**
		 * Lists the org's users, lets `pick` choose (a script's --all or --id), then imports them, or only plans
		 * with dryRun. A listing that fails is recorded as a failed run, as a failing import is.
		 */
		async listAndImport(pick: (users: readonly SalesforceUser[]) => readonly SalesforceUser[], options: {dryRun: boolean; part?: UserPart; onNotice?: (message: string) => void} & RunListeners): Promise<ImportReport> {
			if (options.dryRun) {
				return this.plan(pick(await list(options, ports.clock.now().toISOString())));
			}

			await mayImport(options.switchOrg === true);
			const startedAt = ports.clock.now().toISOString();
			return write(pick(await list(options, startedAt)), options, startedAt);
		},
	};
}

export type ImportUsers = ReturnType<typeof importUsers>;
