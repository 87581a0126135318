import type {Key} from 'ink';

/** Every action a key can trigger, by name; screens handle commands, never raw keys. */
export type Command =
	| 'app.quit'
	| 'nav.up'
	| 'nav.down'
	| 'nav.open'
	| 'nav.back'
	| 'nav.first'
	| 'nav.last'
	| 'page.previous'
	| 'page.next'
	| 'tab.next'
	| 'tab.previous'
	| 'selection.toggle'
	| 'selection.page'
	| 'selection.all'
	| 'selection.clear'
	| 'filter.start'
	| 'view.toggle-all'
	| 'view.menu'
	| 'view.outcome'
	| 'import.start'
	| 'item.add'
	| 'item.edit'
	| 'item.remove'
	| 'people.team'
	| 'people.role'
	| 'people.unlink'
	| 'admin.become'
	| 'teams.rule'
	| 'dialog.confirm'
	| 'dialog.cancel'
	| 'action.retry'
	| 'action.reconnect'
	| 'mapping.open'
	| 'history.undo'
	| 'history.release'
	| 'help.open';

type KeyMatcher = (input: string, key: Key) => boolean;

type Binding = {
	command: Command;
	/** What the footer shows for the keys, e.g. "↑↓". */
	keys: string;
	/** What the footer and the help say the keys do. */
	label: string;
	/** Rarer keys are listed in the help (`?`) only, so the footer keeps the most used. */
	helpOnly?: true;
	match: KeyMatcher;
};

const char =
	(...chars: string[]): KeyMatcher =>
	(input, key) =>
		!key.ctrl && !key.meta && chars.includes(input);

/** The one table of key bindings. Its order is the footer's order: what matters most comes first. */
export const keyBindings: readonly Binding[] = [
	{command: 'app.quit', keys: 'q', label: 'quit', match: (input, key) => char('q')(input, key) || (key.ctrl && input === 'c')},
	{command: 'nav.up', keys: '↑↓', label: 'move', match: (input, key) => key.upArrow || char('k')(input, key)},
	{command: 'nav.down', keys: '↑↓', label: 'move', match: (input, key) => key.downArrow || char('j')(input, key)},
	// First and last work everywhere a list does, but are not worth footer space on a narrow terminal.
	{command: 'nav.first', keys: 'Home g', label: 'first', helpOnly: true, match: (input, key) => key.home || char('g')(input, key)},
	{command: 'nav.last', keys: 'End G', label: 'last', helpOnly: true, match: (input, key) => key.end || char('G')(input, key)},
	{command: 'nav.open', keys: 'Enter', label: 'open', match: (_input, key) => key.return},
	{command: 'nav.back', keys: 'Esc', label: 'back', match: (_input, key) => key.escape},
	{command: 'page.previous', keys: '←→', label: 'page', match: (_input, key) => key.leftArrow || key.pageUp},
	{command: 'page.next', keys: '←→', label: 'page', match: (_input, key) => key.rightArrow || key.pageDown},
	{command: 'tab.next', keys: 'Tab', label: 'next tab', match: (_input, key) => key.tab && !key.shift},
	{command: 'tab.previous', keys: 'S-Tab', label: 'previous tab', match: (_input, key) => key.tab && key.shift},
	// On a narrow terminal the sidebar folds away while the content has the keys; this brings it back,
	// early in the table so that a full footer never leaves it out.
	{command: 'view.menu', keys: 'M', label: 'menu', match: char('M')},
	{command: 'selection.toggle', keys: 'Space', label: 'check', match: char(' ')},
	{command: 'import.start', keys: 'i', label: 'Import users', match: char('i')},
	// People and Teams: the changes an admin makes most, before the rarer ones further down.
	{command: 'item.add', keys: 'n', label: 'new', match: char('n')},
	{command: 'item.edit', keys: 'e', label: 'edit', match: char('e')},
	{command: 'item.remove', keys: 'd', label: 'delete', match: char('d')},
	{command: 'people.team', keys: 't', label: 'team…', match: char('t')},
	{command: 'people.role', helpOnly: true, keys: 'p', label: 'admin/member', match: char('p')},
	{command: 'people.unlink', helpOnly: true, keys: 'l', label: 'unlink', match: char('l')},
	{command: 'admin.become', keys: 'b', label: 'become admin', match: char('b')},
	{command: 'teams.rule', helpOnly: true, keys: 's', label: 'team rule', match: char('s')},
	{command: 'selection.page', keys: 'a', label: 'check page', match: char('a')},
	{command: 'selection.all', helpOnly: true, keys: 'A', label: 'all pages', match: char('A')},
	{command: 'selection.clear', keys: 'x', label: 'clear', match: char('x')},
	{command: 'mapping.open', keys: 'm', label: 'map…', match: char('m')},
	{command: 'filter.start', keys: '/', label: 'filter', match: char('/')},
	{command: 'view.toggle-all', keys: 'h', label: 'show hidden', match: char('h')},
	{command: 'view.outcome', keys: 'o', label: 'outcome shown', match: char('o')},
	{command: 'dialog.confirm', keys: 'y', label: 'yes', match: (input, key) => char('y', 'Y')(input, key)},
	{command: 'dialog.cancel', keys: 'n', label: 'no', match: (input, key) => char('n', 'N')(input, key)},
	{command: 'action.retry', keys: 'r', label: 'retry', match: char('r')},
	{command: 'action.reconnect', keys: 'c', label: 'reconnect', match: char('c')},
	{command: 'history.undo', keys: 'u', label: 'undo last run', match: char('u')},
	{command: 'history.release', keys: 'R', label: 'release held run', match: char('R')},
	{command: 'help.open', keys: '?', label: 'help', match: char('?')},
];

/** Every command these keys name, in table order (a key may name several, e.g. Enter for open). */
export function commandsFor(input: string, key: Key): Command[] {
	return keyBindings.filter((binding) => binding.match(input, key)).map((binding) => binding.command);
}

export type KeyHint = {keys: string; label: string};

/**
 * Hints for the given commands, one per key, in table order: the footer's (the most used keys), or
 * with `all` every one of them, for the help.
 */
export function hintsFor(commands: readonly Command[], labels: Partial<Record<Command, string>> = {}, all = false): KeyHint[] {
	const wanted = new Set(commands);
	const hints: KeyHint[] = [];
	const seen = new Set<string>();
	for (const binding of keyBindings) {
		if (!wanted.has(binding.command) || (binding.helpOnly && !all)) {
			continue;
		}

		const label = labels[binding.command] ?? binding.label;
		// One hint per key: ↑ and ↓ are one hint, whatever each is called.
		if (label !== '' && !seen.has(binding.keys)) {
			seen.add(binding.keys);
			hints.push({keys: binding.keys, label});
		}
	}

	return hints;
}
