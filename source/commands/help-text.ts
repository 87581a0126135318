/** A help text as it is printed: the source's common indentation replaced by two spaces, a blank line around it. */
export function formatHelp(text: string): string {
	const lines = text.replace(/^\s*\n/, '').trimEnd().split('\n');
	const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
	const common = Math.min(...indents);
	return `\n${lines.map((line) => (line.trim() === '' ? '' : `  ${line.slice(common)}`)).join('\n')}\n\n`;
}
