import {useInput, type Key} from 'ink';
import React, {createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {commandsFor, hintsFor, type Command, type KeyHint} from './key-bindings.js';
import {firstOfRun, splitKeys, type Keypress} from './split-keys.js';

/**
 * Who gets a key first, by name: the front-most layer wins, and a layer that handles a key stops it there.
 * Among layers of one level, the one put in place last is in front.
 */
export const keyPriority = {
	/** Keys that work everywhere unless something in front takes them (quit). */
	app: 0,
	/** A screen's frame: the sidebar, a menu, the dashboard that holds the tabs. */
	screen: 10,
	/** What the screen shows and works on: a tab's table or list, People's and Teams' lists. */
	content: 20,
	/** A dialog over the content. */
	dialog: 100,
	/** The frame a dialog is drawn in: in front of the dialog's own keys, so ↑↓ scroll what does not fit first. */
	dialogFrame: 110,
	/** A text field: every printable key is a letter, so "q" never quits. */
	textEntry: 200,
	/** The `?` help, in front of everything while it is open: only its own layers hear keys then. */
	help: 300,
	/** A terminal too small to draw in: only quit is heard. */
	tooSmall: 1000,
} as const;

export type KeyLevel = (typeof keyPriority)[keyof typeof keyPriority];

export type KeyLayer = {
	/** One of the named levels: layers are ordered by what they are, never by arithmetic on another's level. */
	priority: KeyLevel;
	/** The pane this layer is, as the footer and the help name it ("Users", "Sidebar"). */
	name?: string;
	/** Commands this layer answers; also what the footer shows while it is in front. */
	commands: readonly Command[];
	/** Footer wording for this layer's commands, where the table's default does not fit. */
	labels?: Partial<Record<Command, string>>;
	/**
	 * Returns false to let the key go on to the layers behind. A promise says the key started work that
	 * changes the screen when it settles (a question asked of the store before a dialog opens): the
	 * keys after it wait for that, so they meet the screen it leaves.
	 */
	onCommand: (command: Command) => boolean | void | Promise<unknown>;
	/**
	 * Sees every key before commands do (text entry); returns true when it took the key. A layer in front
	 * with `onText` gets a run of printable characters whole, as text; other layers get it a key at a time.
	 */
	onText?: (input: string, key: Key) => boolean;
	/** A modal layer keeps keys from the layers behind it and hides their hints. */
	modal?: boolean;
	/**
	 * Commands this layer handles against the state the previous one left even before React draws it (its
	 * handlers read refs, not the last render): a run of the same such key is handled at once and drawn
	 * once, with the outcome it would have one key at a time (50 `j` typed ahead move 50 rows, one frame).
	 */
	foldsRepeats?: readonly Command[];
};

type Registered = KeyLayer & {order: number};

type Dispatcher = {
	register: (id: symbol, layer: Registered) => void;
	unregister: (id: symbol) => void;
};

export type HelpGroup = {title: string; hints: KeyHint[]};

// Actions and state apart: registering a layer never re-renders the layers, only the footer that reads hints.
const DispatcherContext = createContext<Dispatcher | undefined>(undefined);
const HintsContext = createContext<KeyHint[]>([]);
const PaneContext = createContext<string | undefined>(undefined);
const HelpContext = createContext<HelpGroup[] | undefined>(undefined);

/** What a layer without a name of its own is called, by its level. */
function paneName(layer: Registered): string {
	if (layer.name) {
		return layer.name;
	}

	if (layer.priority >= keyPriority.textEntry) {
		return 'Typing';
	}

	return layer.priority >= keyPriority.dialog ? 'Dialog' : layer.priority >= keyPriority.content ? 'List' : layer.priority >= keyPriority.screen ? 'Menu' : 'App';
}

/** The layers that hear keys now: from the front one back to the first modal one. */
function reachableLayers(layers: Registered[]): Registered[] {
	const reachable: Registered[] = [];
	for (const layer of layers) {
		reachable.push(layer);
		if (layer.modal) {
			break;
		}
	}

	return reachable;
}

/** The help: every key that works now, grouped by the pane that answers it, front-most first. */
function helpGroups(layers: Registered[]): HelpGroup[] {
	const seen = new Set<string>();
	const groups: HelpGroup[] = [];
	for (const layer of reachableLayers(layers)) {
		const hints = hintsFor(layer.commands, layer.labels, true).filter((hint) => !seen.has(hint.keys));
		for (const hint of hints) {
			seen.add(hint.keys);
		}

		const title = layer.priority === keyPriority.app ? 'Everywhere' : paneName(layer);
		const group = groups.find((existing) => existing.title === title);
		if (group) {
			group.hints.push(...hints);
		} else if (hints.length > 0) {
			groups.push({title, hints});
		}
	}

	groups.push({title: 'Always', hints: [{keys: 'Ctrl+C', label: 'quit'}, {keys: '?', label: 'this help (not while typing)'}]});
	return groups;
}

const helpHint: KeyHint = {keys: '?', label: 'help'};
const closeHelpHints: KeyHint[] = [{keys: 'Esc', label: 'close help'}];

function sortedLayers(layers: Map<symbol, Registered>): Registered[] {
	return [...layers.values()].sort((a, b) => b.priority - a.priority || b.order - a.order);
}

function visibleHints(layers: Registered[]): KeyHint[] {
	const hints: KeyHint[] = [];
	for (const layer of reachableLayers(layers)) {
		hints.push(...hintsFor(layer.commands, layer.labels));
	}

	if (layers.length > 0 && !layers[0]?.onText) {
		hints.push(helpHint);
	}

	const seen = new Set<string>();
	return hints.filter((hint) => {
		if (seen.has(hint.keys)) {
			return false;
		}

		seen.add(hint.keys);
		return true;
	});
}

export function KeyDispatcherProvider({children, isActive = true}: {children: ReactNode; isActive?: boolean}) {
	const layers = useRef(new Map<symbol, Registered>());
	const [hints, setHints] = useState<KeyHint[]>([]);
	const [pane, setPane] = useState<string | undefined>();
	const [help, setHelp] = useState<HelpGroup[] | undefined>();
	const helpOpen = useRef(false);
	const shown = useRef<{pane: string | undefined; hints: KeyHint[]}>({pane: undefined, hints: []});

	const refreshHints = useCallback(() => {
		const sorted = sortedLayers(layers.current);
		const front = sorted.find((layer) => layer.priority !== keyPriority.help);
		const nextPane = front ? paneName(front) : undefined;
		const next = helpOpen.current
			? [...visibleHints(sorted.filter((layer) => layer.priority === keyPriority.help)).filter((hint) => hint !== helpHint), ...closeHelpHints]
			: visibleHints(sorted.filter((layer) => layer.priority !== keyPriority.help));
		// Only a change is set: layers come and go inside effects at every key, and an update that changes
		// nothing still counts, for React, towards an endless loop of updates made by effects.
		if (nextPane !== shown.current.pane) {
			shown.current.pane = nextPane;
			setPane(nextPane);
		}

		const previous = shown.current.hints;
		if (previous.length !== next.length || previous.some((hint, index) => hint.keys !== next[index]?.keys || hint.label !== next[index]?.label)) {
			shown.current.hints = next;
			setHints(next);
		}
	}, []);

	const dispatcher = useMemo<Dispatcher>(
		() => ({
			register(id, layer) {
				layers.current.set(id, layer);
				refreshHints();
			},
			unregister(id) {
				layers.current.delete(id);
				refreshHints();
			},
		}),
		[refreshHints],
	);

	const showHelp = useCallback(
		(open: boolean) => {
			helpOpen.current = open;
			setHelp(open ? helpGroups(sortedLayers(layers.current)) : undefined);
			refreshHints();
		},
		[refreshHints],
	);

	const deliver = useCallback((keypress: Keypress): Promise<unknown> | undefined => {
		const {input, key} = keypress;
		const commands = commandsFor(input, key);
		const all = sortedLayers(layers.current);
		if (helpOpen.current) {
			// The help is in front of everything; the screen behind keeps its state and gets no keys.
			if (key.escape || key.return || input === '?' || input === 'q') {
				showHelp(false);
				return;
			}

			for (const layer of all.filter((layer) => layer.priority === keyPriority.help)) {
				if (commands.some((command) => layer.commands.includes(command) && layer.onCommand(command) !== false)) {
					return;
				}
			}

			return;
		}

		const sorted = all.filter((layer) => layer.priority !== keyPriority.help);

		if (commands.includes('help.open') && !sorted[0]?.onText) {
			showHelp(true);
			return;
		}

		for (const layer of sorted) {
			if (layer.onText?.(input, key)) {
				return;
			}

			for (const command of commands) {
				if (layer.commands.includes(command)) {
					const result = layer.onCommand(command);
					if (result !== false) {
						return result instanceof Promise ? result : undefined;
					}
				}
			}

			if (layer.modal) {
				return;
			}
		}

		return undefined;
	}, [showHelp]);

	// Keys wait here, in order, while the one before them is still being drawn: each key is handled
	// only after React has committed what the previous one changed (new state, a dialog's layer put in
	// place), so it meets the screen the previous key left, however many arrived in one read.
	// Each key is handed over as a commit asked for just for it (a "turn") is laid out: React runs the
	// effects still pending from earlier commits before it renders anything new, so every layer is in
	// place then, also those of a screen that changed on its own (an import that finished). The turn is
	// a layout effect, and the next key's turn is asked for outside React: keys are never handled inside
	// React's passive effects, where a long burst would be one unbroken chain of updates made by effects,
	// which React takes for an endless loop ("Maximum update depth exceeded").
	const queue = useRef<Keypress[]>([]);
	const turnAsked = useRef(false);
	const nextTurn = useRef<NodeJS.Immediate | undefined>(undefined);
	const [turn, setTurn] = useState(0);

	/** Whether the layer a key goes to takes it again before a render (see foldsRepeats). */
	const folds = useCallback((keypress: Keypress): boolean => {
		if (helpOpen.current) {
			return false;
		}

		const commands = commandsFor(keypress.input, keypress.key);
		for (const layer of sortedLayers(layers.current)) {
			if (layer.onText) {
				return false;
			}

			const command = commands.find((candidate) => layer.commands.includes(candidate));
			if (command !== undefined) {
				return layer.foldsRepeats?.includes(command) ?? false;
			}

			if (layer.modal) {
				return false;
			}
		}

		return false;
	}, []);

	/** The same key waiting right behind one just handled is handled now too, while its layer folds it. */
	const foldRepeats = useCallback(
		(handled: Keypress) => {
			if (!folds(handled)) {
				return;
			}

			for (;;) {
				const waiting = queue.current[0];
				if (waiting === undefined) {
					return;
				}

				if (waiting.input === handled.input && sameFlags(waiting, handled) && [...waiting.input].length <= 1) {
					queue.current.shift();
				} else if (handled.text && waiting.text && [...handled.input].length === 1 && waiting.input.startsWith(handled.input)) {
					// A typed-ahead run ("jjjj"): its first letter is the same key again.
					const {rest} = firstOfRun(waiting);
					if (rest) {
						queue.current[0] = rest;
					} else {
						queue.current.shift();
					}
				} else {
					return;
				}

				deliver(handled);
			}
		},
		[deliver, folds],
	);

	/** A key whose work settles later is not folded: the keys behind it wait for that work instead. */
	const deliverAndFold = useCallback(
		(keypress: Keypress): Promise<unknown> | undefined => {
			const work = deliver(keypress);
			if (work) {
				return work;
			}

			foldRepeats(keypress);
			return undefined;
		},
		[deliver, foldRepeats],
	);

	const working = useRef(false);

	const askTurn = useCallback(() => {
		nextTurn.current = undefined;
		if (turnAsked.current || working.current || queue.current.length === 0) {
			return;
		}

		turnAsked.current = true;
		setTurn((count) => count + 1);
	}, []);

	const finishWork = useCallback(() => {
		working.current = false;
		// After the settled work's own updates are drawn: a macrotask, as between any two keys.
		nextTurn.current ??= setImmediate(askTurn);
	}, [askTurn]);

	const handleNext = useCallback((): Promise<unknown> | undefined => {
		const next = queue.current.shift();
		if (next === undefined) {
			return;
		}

		if (next.text && [...next.input].length > 1 && !sortedLayers(layers.current)[0]?.onText) {
			// Outside a text field, typed-ahead letters are keys: the first acts, the rest wait their turn,
			// since the first may open a field ("/" then a filter) that should take them as text.
			const {first, rest} = firstOfRun(next);
			if (rest) {
				queue.current.unshift(rest);
			}

			return deliverAndFold(first);
		}

		return deliverAndFold(next);
	}, [deliverAndFold]);

	/** Handles the next key; the keys behind it get turns of their own, after what this one changed is laid out. */
	const takeTurn = useCallback(() => {
		const work = handleNext();
		if (work) {
			// The next key waits for what this one started; askTurn is called once it settled, either way.
			working.current = true;
			void work.then(finishWork, finishWork);
		} else if (queue.current.length > 0 && nextTurn.current === undefined) {
			nextTurn.current = setImmediate(askTurn);
		}
	}, [handleNext, askTurn, finishWork]);

	useLayoutEffect(() => {
		if (!turnAsked.current) {
			return;
		}

		// Every layer the last key put in place is registered: layers register in layout effects, which
		// React has run for this commit and every one before it.
		turnAsked.current = false;
		takeTurn();
	}, [turn, takeTurn]);

	useEffect(
		() => () => {
			clearImmediate(nextTurn.current);
		},
		[],
	);

	useInput(
		(input, key) => {
			const idle = queue.current.length === 0 && !turnAsked.current && !working.current && nextTurn.current === undefined;
			queue.current.push(...splitKeys(input, key));
			if (idle) {
				// Nothing is waiting to be laid out (layers register in layout effects, so the screen on view
				// has its layers in place): the first key acts at once, without a commit of its own first.
				takeTurn();
			} else {
				askTurn();
			}
		},
		{isActive},
	);

	return (
		<DispatcherContext.Provider value={dispatcher}>
			<HintsContext.Provider value={hints}>
				<PaneContext.Provider value={help ? 'Help' : pane}>
					<HelpContext.Provider value={help}>{children}</HelpContext.Provider>
				</PaneContext.Provider>
			</HintsContext.Provider>
		</DispatcherContext.Provider>
	);
}

/** The same key: the same named flags (an arrow, Enter) and modifiers. */
function sameFlags(a: Keypress, b: Keypress): boolean {
	return (Object.keys(a.key) as Array<keyof Keypress['key']>).every((flag) => a.key[flag] === b.key[flag]);
}

let nextOrder = 0;

/**
 * Puts a layer of key handling in place while `active`. The latest handler is always called,
 * so callers need not memoise it.
 */
export function useKeyLayer(layer: KeyLayer, active = true): void {
	const dispatcher = useContext(DispatcherContext);
	if (!dispatcher) {
		throw new Error('useKeyLayer needs a KeyDispatcherProvider above it');
	}

	const latest = useRef(layer);
	latest.current = layer;
	const id = useMemo(() => Symbol('key-layer'), []);
	const commandsKey = layer.commands.join(',') + JSON.stringify(layer.labels ?? {});
	const {register, unregister} = dispatcher;

	// A layout effect: a layer is in place as soon as the commit that shows its screen is, before any key
	// read after that commit is handled (see takeTurn in the provider).
	useLayoutEffect(() => {
		if (!active) {
			return undefined;
		}

		register(id, {
			...latest.current,
			// Read when a key arrives: a key pressed right after a change of state must meet the new commands.
			get commands() {
				return latest.current.commands;
			},
			order: nextOrder++,
			onCommand: (command) => latest.current.onCommand(command),
			onText: latest.current.onText ? (input, key) => latest.current.onText?.(input, key) ?? false : undefined,
		});
		return () => {
			unregister(id);
		};
	}, [active, commandsKey, layer.priority, layer.modal, layer.name, id, register, unregister]);
}

export function useKeyHints(): KeyHint[] {
	return useContext(HintsContext);
}

/** Which pane has the keys now ("Sidebar", "Users", "Dialog", "Typing", "Help"). */
export function useKeyPane(): string | undefined {
	return useContext(PaneContext);
}

/** The help's groups of keys while `?` has it open; undefined when it is closed. */
export function useKeyHelp(): HelpGroup[] | undefined {
	return useContext(HelpContext);
}
