import {isAppError} from '../app/app-error.js';
import {undoLastRun} from '../app/undo-last-run.js';
import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {formatCount} from '../core/number-format.js';
import {resolveOperator} from '../operator-identity.js';
import {withChosenStore} from '../chosen-store.js';
import {portsOver} from '../run-ports.js';
import {describeError} from '../session.js';
import {openSettings} from '../settings/settings.js';
import {writeRunFailure} from './run-failure.js';

/** Exit codes of `salesscreen undo` besides 2 (wrong usage). */
export const undoExitCodes = {done: 0, nothingToUndo: 1} as const;

/**
 * `salesscreen undo`: reverses the last completed import run (see undoLastRun for what is removed and what is
 * kept), recorded as a run of its own. Nothing to undo is exit 1 with the reason, as is a failure.
 */
export async function undoCommand(options: {json: boolean}, out: NodeJS.WritableStream, errors: NodeJS.WritableStream): Promise<number> {
	const home = resolveAppHome();
	ensureAppHome(home);
	const settings = openSettings(home.home);
	return withChosenStore(home, async (store) => {
		let result;
		try {
			result = await undoLastRun(portsOver(store.ports, settings, resolveOperator(home.home), describeError), {
				onWait(message) {
					errors.write(`salesscreen: ${message}\n`);
				},
			});
		} catch (error: unknown) {
			if (!isAppError(error, 'nothing-to-undo')) {
				writeRunFailure(error, options.json, out);
				throw error;
			}

			if (options.json) {
				out.write(`${JSON.stringify({undone: false, message: error.message})}\n`);
			} else {
				errors.write(`salesscreen: ${error.message}\n`);
			}

			return undoExitCodes.nothingToUndo;
		}

		if (options.json) {
			out.write(`${JSON.stringify({undone: true, ...result})}\n`);
			return undoExitCodes.done;
		}

		out.write(
			`Run #${result.undoneRunId} undone (recorded as run #${result.recordRunId}): ${formatCount(result.removedPeople)} people removed, ${formatCount(result.removedLinks)} links removed, ${formatCount(result.keptPeople.length)} people kept.\n`,
		);
		for (const kept of result.keptPeople) {
			out.write(`kept  #${kept.personId}  ${kept.name}  — ${kept.reason}\n`);
		}

		return undoExitCodes.done;
	});
}
