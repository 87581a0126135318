import {useInput, type Key} from 'ink';
import React, {createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {commandsFor, hintsFor, type Command, type KeyHint} from './key-bindings.js';

/** Who gets a key first: the front-most layer wins, and a layer that handles a key stops it there. */
export const keyPriority = {app: 0, screen: 10, dialog: 100, textEntry: 200} as const;

export type KeyLayer = {
	priority: number;
	/** Commands this layer answers; also what the footer shows while it is in front. */
	commands: readonly Command[];
	/** Footer wording for this layer's commands, where the table's default does not fit. */
	labels?: Partial<Record<Command, string>>;
	/** Returns false to let the key go on to the layers behind. */
	onCommand: (command: Command) => boolean | void;
	/** Sees every key before commands do (text entry); returns true when it took the key. */
	onText?: (input: string, key: Key) => boolean;
	/** A modal layer keeps keys from the layers behind it and hides their hints. */
	modal?: boolean;
};

type Registered = KeyLayer & {order: number};

type Dispatcher = {
	register: (id: symbol, layer: Registered) => void;
	unregister: (id: symbol) => void;
};

// Actions and state apart: registering a layer never re-renders the layers, only the footer that reads hints.
const DispatcherContext = createContext<Dispatcher | undefined>(undefined);
const HintsContext = createContext<KeyHint[]>([]);

function sortedLayers(layers: Map<symbol, Registered>): Registered[] {
	return [...layers.values()].sort((a, b) => b.priority - a.priority || b.order - a.order);
}

function visibleHints(layers: Registered[]): KeyHint[] {
	const hints: KeyHint[] = [];
	for (const layer of layers) {
		hints.push(...hintsFor(layer.commands, layer.labels));
		if (layer.modal) {
			break;
		}
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

	const refreshHints = useCallback(() => {
		const next = visibleHints(sortedLayers(layers.current));
		setHints((previous) =>
			previous.length === next.length && previous.every((hint, index) => hint.keys === next[index]?.keys && hint.label === next[index]?.label)
				? previous
				: next,
		);
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

	useInput(
		(input, key) => {
			const commands = commandsFor(input, key);
			for (const layer of sortedLayers(layers.current)) {
				if (layer.onText?.(input, key)) {
					return;
				}

				for (const command of commands) {
					if (layer.commands.includes(command) && layer.onCommand(command) !== false) {
						return;
					}
				}

				if (layer.modal) {
					return;
				}
			}
		},
		{isActive},
	);

	return (
		<DispatcherContext.Provider value={dispatcher}>
			<HintsContext.Provider value={hints}>{children}</HintsContext.Provider>
		</DispatcherContext.Provider>
	);
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

	useEffect(() => {
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
	}, [active, commandsKey, layer.priority, layer.modal, id, register, unregister]);
}

export function useKeyHints(): KeyHint[] {
	return useContext(HintsContext);
}
