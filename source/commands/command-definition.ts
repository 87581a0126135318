import type {FlagSpecs, FlagValues} from './flag-spec.js';
import {UsageError} from './usage-error.js';

/** What a command's run receives: the words after its name, and its flags, parsed and typed. */
export type ParsedCommandLine<Flags extends FlagSpecs> = {input: string[]; flags: FlagValues<Flags>};

/**
 * One command of `salesscreen`, declared where it lives: the line it gets in `salesscreen --help`, its own
 * `--help`, its flags, and what it runs. The module declaring it stays light (text and flag shapes only);
 * `run` loads the work behind the command when it is called, so help and version load nothing else.
 */
export type CommandDefinition<Flags extends FlagSpecs = FlagSpecs> = {
	name: string;
	/** How `salesscreen --help` shows the command, e.g. `import --help`. */
	synopsis: string;
	/** One line for `salesscreen --help`. */
	summary: string;
	help: string;
	flags: Flags;
	run(commandLine: ParsedCommandLine<Flags>): Promise<number>;
};

/** Declares a command; the identity function that lets TypeScript type `run`'s flags from `flags`. */
export function defineCommand<const Flags extends FlagSpecs>(definition: CommandDefinition<Flags>): CommandDefinition<Flags> {
	return definition;
}

/** For a command that takes no words after its name. */
export function rejectInput(input: readonly string[]): void {
	if (input.length > 0) {
		throw new UsageError(`Unexpected argument "${input[0]}". Run salesscreen --help.`);
	}
}
