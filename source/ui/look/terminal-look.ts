/**
 * How the app draws on this terminal, decided once at start from the environment and the command line,
 * and read by every component through LookProvider: nowhere else looks at NO_COLOR, FORCE_COLOR or TERM.
 */
export type TerminalLook = {
	/** Colours are drawn. Off: bold, inverse and markers still show the cursor, the selection and the active tab. */
	color: boolean;
	/** The plain layout for screen readers and braille displays: no alternate screen, no box drawing, a line per change. */
	plain: boolean;
};

export const colorfulLook: TerminalLook = {color: true, plain: false};

type LookEnv = Readonly<Record<string, string | undefined>>;

const isOff = (value: string) => value === '0' || value.toLowerCase() === 'false';

/**
 * FORCE_COLOR first (present and not 0/false: colour; 0/false: none), then NO_COLOR (any non-empty value:
 * no colour, as no-color.org says), then TERM=dumb (a terminal that cannot move its cursor gets the plain
 * layout, without colour). The same order as Node's own tty.getColorDepth.
 */
export function terminalLook(env: LookEnv, options: {plain?: boolean} = {}): TerminalLook {
	const dumb = env.TERM === 'dumb';
	const plainVariable = env.SALESSCREEN_PLAIN;
	const plain = options.plain === true || (plainVariable !== undefined && plainVariable !== '' && !isOff(plainVariable)) || dumb;
	const force = env.FORCE_COLOR;
	if (force !== undefined) {
		return {color: !isOff(force), plain};
	}

	const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
	return {color: !noColor && !dumb && !plain, plain};
}
