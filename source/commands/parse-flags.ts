import {parseArgs, type ParseArgsConfig} from 'node:util';
import {flagName, type FlagSpec, type FlagSpecs, type FlagValues, type NumberFlag} from './flag-spec.js';
import {UsageError} from './usage-error.js';

export type ParsedFlags<Specs extends FlagSpecs> = {input: string[]; flags: FlagValues<Specs>; help: boolean};

function numberFrom(name: string, spec: NumberFlag, text: string): number {
	const value = text.trim() === '' ? Number.NaN : Number(text);
	const fits =
		Number.isFinite(value) &&
		(!spec.whole || Number.isInteger(value)) &&
		(spec.minimum === undefined || value >= spec.minimum) &&
		(spec.maximum === undefined || value <= spec.maximum);
	if (!fits) {
		throw new UsageError(`--${name} takes ${spec.takes}, not "${text}".`, {hint: true});
	}

	return value;
}

/** A value that starts with a dash (`--demo-users -5`) is still that flag's value, so that it can be refused for what it is. */
function joinDashedValues(args: readonly string[], specs: FlagSpecs): string[] {
	const takesValue = new Set(Object.entries(specs).filter(([, spec]) => spec.type !== 'boolean').map(([key]) => `--${flagName(key)}`));
	const joined: string[] = [];
	for (let index = 0; index < args.length; index++) {
		const arg = args[index]!;
		const next = args[index + 1];
		if (takesValue.has(arg) && next !== undefined && /^-\d|^-\.\d/.test(next)) {
			joined.push(`${arg}=${next}`);
			index++;
		} else {
			joined.push(arg);
		}
	}

	return joined;
}

function describeParseError(error: NodeJS.ErrnoException, specs: FlagSpecs): string {
	const named = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
	const spec = Object.entries(specs).find(([key]) => `--${flagName(key)}` === named)?.[1];
	switch (error.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
			return `unknown flag ${named}.`;
		}

		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
			if (spec?.type === 'boolean') {
				return `${named} takes no value.`;
			}

			return `${named} needs a value: ${spec?.type === 'number' || spec?.type === 'string' ? (spec.takes ?? 'a value') : 'a value'}.`;
		}

		default: {
			return `cannot read the command line (${named || 'the flags'}).`;
		}
	}
}

/**
 * A command's words and flags, checked against what it declares: an unknown flag, a flag without its
 * value, a number that is not one, or a flag given twice is a UsageError in words, before anything runs.
 */
export function parseFlags<Specs extends FlagSpecs>(args: readonly string[], specs: Specs): ParsedFlags<Specs> {
	const options: NonNullable<ParseArgsConfig['options']> = {help: {type: 'boolean'}};
	for (const [key, spec] of Object.entries(specs)) {
		const name = flagName(key);
		options[name] = {type: spec.type === 'boolean' ? 'boolean' : 'string', multiple: spec.type === 'string' && spec.isMultiple === true};
		if (spec.type === 'boolean' && spec.default === true) {
			options[`no-${name}`] = {type: 'boolean'};
		}
	}

	let parsed: ReturnType<typeof parseArgs>;
	try {
		parsed = parseArgs({args: joinDashedValues(args, specs), options, strict: true, allowPositionals: true, tokens: true});
	} catch (error: unknown) {
		throw new UsageError(describeParseError(error as NodeJS.ErrnoException, specs), {hint: true});
	}

	const seen = new Set<string>();
	for (const token of parsed.tokens ?? []) {
		if (token.kind === 'option' && !options[token.name]?.multiple) {
			if (seen.has(token.name)) {
				throw new UsageError(`--${token.name} is given twice; give it once.`, {hint: true});
			}

			seen.add(token.name);
		}
	}

	const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
	const flags: Record<string, unknown> = {};
	for (const [key, spec] of Object.entries(specs) as Array<[string, FlagSpec]>) {
		const name = flagName(key);
		const value = values[name];
		if (spec.type === 'boolean') {
			flags[key] = values[`no-${name}`] === true ? false : (value as boolean | undefined) ?? spec.default ?? false;
		} else if (spec.type === 'number') {
			flags[key] = value === undefined ? undefined : numberFrom(name, spec, value as string);
		} else if (spec.isMultiple) {
			flags[key] = (value as string[] | undefined) ?? [];
		} else {
			flags[key] = (value as string | undefined) ?? spec.default;
		}
	}

	return {input: parsed.positionals, flags: flags as FlagValues<Specs>, help: values.help === true};
}
