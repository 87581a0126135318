import {UserFacingError} from './user-facing-error.js';

/** A change to people, teams, admins or manual choices that was refused, with a sentence that says why. Nothing was written. */
export class DirectoryError extends UserFacingError {
	override name = 'DirectoryError';
}
