/** What the last frame showed, to tell what a new one changed. */
export type FrameMemory = {shown: ReadonlySet<string>; unmarked: ReadonlySet<string>};

// Escape sequences (colours, bold, cursor), and the box-drawing block (U+2500–U+257F).
// eslint-disable-next-line no-control-regex
const escapes = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007]*\u0007|\u001B[@-Z\\-_]/g;
const boxDrawing = /[\u2500-\u257F]+/;
// The markers of the highlighted row or item.
const markers = /^[›❯>]\s*/;

/**
 * A frame's text as separate pieces, read a pane at a time: the sidebar top to bottom, then the content,
 * then a dialog in it. Box drawing between panes splits a row into pieces and is dropped.
 */
export function framePieces(frame: string): string[] {
	const panes: string[][] = [];
	for (const row of frame.replace(escapes, '').split('\n')) {
		for (const [pane, text] of row.split(boxDrawing).entries()) {
			const piece = text.replaceAll(/\s+/g, ' ').trim();
			if (piece !== '') {
				(panes[pane] ??= []).push(piece);
			}
		}
	}

	return panes.flat();
}

/**
 * The lines a new frame adds to what was on the last one, in reading order: a state that changed is a new
 * line. A row that only lost the cursor is not news (the row that gained it is).
 */
export function frameChanges(frame: string, memory: FrameMemory | undefined): {lines: string[]; next: FrameMemory} {
	const pieces = framePieces(frame);
	const unmarked = new Set(pieces.map((piece) => piece.replace(markers, '')));
	const lines: string[] = [];
	const written = new Set<string>();
	for (const piece of pieces) {
		const isNew = memory === undefined || !memory.shown.has(piece);
		const lostCursor = memory !== undefined && !markers.test(piece) && memory.unmarked.has(piece);
		if (isNew && !lostCursor && !written.has(piece)) {
			lines.push(piece);
			written.add(piece);
		}
	}

	return {lines, next: {shown: new Set(pieces), unmarked}};
}
