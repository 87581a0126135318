/** A flag that takes no value; `--no-NAME` turns off one whose default is true. */
export type BooleanFlag = {type: 'boolean'; default?: boolean};

/** A flag that takes a word; repeatable when `isMultiple`. `takes` says what, for a refusal ("a URL"). */
export type StringFlag = {type: 'string'; takes?: string; isMultiple?: boolean; default?: string};

/**
 * A flag that takes a number, refused before the command runs unless it is one (whole when `whole`) from
 * `minimum` to `maximum`. `takes` says what it takes, for the refusal: "a whole number of users from 1 to 1,000,000".
 */
export type NumberFlag = {type: 'number'; takes: string; whole?: boolean; minimum?: number; maximum?: number};

export type FlagSpec = BooleanFlag | StringFlag | NumberFlag;

/** A command's flags, by their name in camelCase (`dryRun` is `--dry-run`). */
export type FlagSpecs = Record<string, FlagSpec>;

type FlagValue<Spec extends FlagSpec> = Spec extends BooleanFlag
	? boolean
	: Spec extends NumberFlag
		? number | undefined
		: Spec extends {isMultiple: true}
			? string[]
			: Spec extends {default: string}
				? string
				: string | undefined;

/** The values a run receives: a boolean always, a repeatable flag always a list, any other flag not given is undefined. */
export type FlagValues<Specs extends FlagSpecs> = {[Name in keyof Specs]: FlagValue<Specs[Name]>};

/** `dryRun` → `dry-run`, as the flag is typed. */
export function flagName(key: string): string {
	return key.replaceAll(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
