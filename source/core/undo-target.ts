/** What the undo rule reads of a run. Mode and status are the store's words. */
export type UndoableRun = {
	mode: string;
	status: string;
	created: number;
	mapped: number;
	deactivated: number;
	reactivated: number;
};

/**
 * Undo reverses the newest manual or automatic run that changed something; runs that changed nothing (every
 * user already imported) are passed over. The newest such run may be undone already, and then there is
 * nothing to undo: only the last run can be undone, once.
 */
export function isUndoCandidate(run: UndoableRun): boolean {
	return (
		(run.mode === 'manual' || run.mode === 'auto') &&
		(run.status === 'undone' || (run.status === 'completed' && run.created + run.mapped + run.deactivated + run.reactivated > 0))
	);
}
