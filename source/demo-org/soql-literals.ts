// SOQL string literals: single quotes, backslash escapes (\' \" \\ \n \r \t \b \f \uXXXX), and, only
// meaningful to LIKE, \% and \_ for a literal percent sign or underscore.
const simpleEscapes: Record<string, string> = {n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', "'": "'", '"': '"', '\\': '\\'};

type Piece = {literal: string} | {wildcard: '%' | '_'};

function pieces(raw: string): Piece[] {
	const body = raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
	const result: Piece[] = [];
	for (let index = 0; index < body.length; index++) {
		const character = body[index]!;
		if (character === '%' || character === '_') {
			result.push({wildcard: character});
			continue;
		}

		if (character !== '\\' || index === body.length - 1) {
			result.push({literal: character});
			continue;
		}

		const next = body[++index]!;
		if (next === 'u' && /^[\da-fA-F]{4}$/.test(body.slice(index + 1, index + 5))) {
			result.push({literal: String.fromCharCode(Number.parseInt(body.slice(index + 1, index + 5), 16))});
			index += 4;
		} else {
			result.push({literal: simpleEscapes[next] ?? next});
		}
	}

	return result;
}

/** The value of a quoted SOQL string as the parser hands it over (quotes included). */
export function stringLiteralValue(raw: string): string {
	return pieces(raw)
		.map((piece) => ('literal' in piece ? piece.literal : piece.wildcard))
		.join('');
}

/** LIKE: `%` any run of characters, `_` exactly one, case-insensitive, over the whole value. */
export function likeExpression(raw: string): RegExp {
	const source = pieces(raw)
		.map((piece) => {
			if ('wildcard' in piece) {
				return piece.wildcard === '%' ? '.*' : '.';
			}

			return piece.literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		})
		.join('');
	return new RegExp(`^${source}$`, 'isu');
}
