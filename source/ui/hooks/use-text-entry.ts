import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import {typeInto} from '../../core/terminal-text.js';

type TextEntry = {
	value: string;
	onChange: (value: string) => void;
	onSubmit: () => void;
	onCancel: () => void;
	/** Footer wording for Enter, e.g. "next" or "connect". */
	submitLabel?: string;
	/** In a form of several fields: Tab or ↓ goes to the next, Shift+Tab or ↑ to the previous. */
	onNextField?: () => void;
	onPreviousField?: () => void;
};

/**
 * Takes every key while active: printable text (pasted text arrives as one input) edits the value,
 * Enter submits, Esc cancels. In front of everything, so typing "q" never quits the app.
 */
export function useTextEntry(entry: TextEntry, isActive: boolean): void {
	useKeyLayer(
		{
			priority: keyPriority.textEntry,
			modal: true,
			commands: ['nav.open', 'nav.back'],
			labels: {'nav.open': entry.submitLabel ?? 'next', 'nav.back': 'back'},
			onCommand: () => true,
			onText(input, key) {
				if (key.return) {
					entry.onSubmit();
				} else if (key.escape) {
					entry.onCancel();
				} else if (key.backspace || key.delete) {
					entry.onChange(entry.value.slice(0, -1));
				} else if (entry.onNextField && ((key.tab && !key.shift) || key.downArrow)) {
					entry.onNextField();
				} else if (entry.onPreviousField && ((key.tab && key.shift) || key.upArrow)) {
					entry.onPreviousField();
				} else if (key.ctrl && input === 'u') {
					entry.onChange('');
				} else if (input && !key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow) {
					// Pasted text can carry a line break at its end; a value is one line.
					entry.onChange(typeInto(entry.value, input));
				} else {
					return false;
				}

				return true;
			},
		},
		isActive,
	);
}
