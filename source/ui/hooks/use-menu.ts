import {useRef, useState} from 'react';
import type {Command} from '../keys/key-bindings.js';

export type MenuItem<V> = {label: string; value: V};

export type Menu<V> = {
	/** Index of the highlighted item. */
	cursor: number;
	/** What the menu does on the commands it answers; the owner's key layer calls them. */
	/** `nav.open` hands back what choosing started (a promise, when it opens something once it settles). */
	handlers: Partial<Record<Command, () => unknown>>;
	commands: readonly Command[];
};

const menuCommands: readonly Command[] = ['nav.up', 'nav.down', 'nav.first', 'nav.last', 'nav.open'];

/**
 * A single-choice menu driven through the key dispatcher, not beside it: ↑/↓ (j/k) move and wrap
 * around as ink-select-input's do, Home/End go to the ends, Enter chooses. The cursor is also kept
 * in a ref, so a key handled before React re-renders moves on from where the previous key left it.
 */
export function useMenu<V>(
	items: ReadonlyArray<MenuItem<V>>,
	options: {initialIndex?: number; onSelect: (item: MenuItem<V>) => unknown; onHighlight?: (item: MenuItem<V>) => void},
): Menu<V> {
	const [cursor, setCursor] = useState(() => Math.max(0, options.initialIndex ?? 0));
	const latest = useRef(cursor);
	const count = items.length;
	const clamp = (index: number) => Math.min(Math.max(0, index), Math.max(0, count - 1));

	const moveTo = (index: number) => {
		const next = clamp(index);
		const previous = clamp(latest.current);
		latest.current = next;
		setCursor(next);
		const item = items[next];
		if (item && next !== previous) {
			options.onHighlight?.(item);
		}
	};

	const from = () => clamp(latest.current);
	return {
		cursor: clamp(cursor),
		commands: menuCommands,
		handlers: {
			'nav.up': () => moveTo(count === 0 ? 0 : (from() - 1 + count) % count),
			'nav.down': () => moveTo(count === 0 ? 0 : (from() + 1) % count),
			'nav.first': () => moveTo(0),
			'nav.last': () => moveTo(count - 1),
			'nav.open'() {
				const item = items[from()];
				return item ? options.onSelect(item) : undefined;
			},
		},
	};
}
