import type {AdminGuard} from './admin-guard.js';
import type {Clock} from './ports/clock.js';
import type {DirectoryStore} from './ports/directory-store.js';
import type {Operator} from './ports/operator.js';

/** What the people, teams, admins and manual-mapping use cases are given: ports only. */
export type DirectoryPorts = {
	directory: DirectoryStore;
	guard: AdminGuard;
	clock: Clock;
	operator: Operator;
};
