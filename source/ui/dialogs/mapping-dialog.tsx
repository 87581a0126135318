import {Box} from 'ink';
import {Text} from '../components/text.js';
import React, {useCallback, useMemo, useState} from 'react';
import {displayName, type SalesforceUser} from '../../core/salesforce-user.js';
import {toTerminalText, typeInto} from '../../core/terminal-text.js';
import type {AppServices, PersonChoice} from '../../app/app-services.js';
import {MenuList} from '../components/menu-list.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {useMenu} from '../hooks/use-menu.js';
import {useStoreRead} from '../hooks/use-store-read.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	user: SalesforceUser;
	/** Whether the admin already chose something for this user (a manual mapping or ignore). */
	hasChoice: boolean;
	services: Pick<AppServices, 'mappings' | 'describeError'>;
	width: number;
	height: number;
	/** `changed` when a choice was saved, so the previews are read again. */
	onClose: (changed: boolean) => void;
};

type Step = 'menu' | 'pick';
type MenuChoice = 'map' | 'ignore' | 'clear' | 'cancel';

/**
 * One Salesforce user's mapping, decided by the admin: to a person they pick (when the emails differ, or
 * the person has none yet), or ignored so that Import users never offers them again until un-ignored.
 */
export function MappingDialog({user, hasChoice, services, width, height, onClose}: Props) {
	const [step, setStep] = useState<Step>('menu');
	const [query, setQuery] = useState('');
	const [cursor, setCursor] = useState(0);
	const [failure, setFailure] = useState<string | undefined>();
	const listSize = Math.max(3, height - 8);
	const search = useCallback(async () => (step === 'pick' ? services.mappings.searchPeople(query, listSize) : []), [services, step, query, listSize]);
	const [people] = useStoreRead<PersonChoice[]>(search, []);

	const save = (action: () => Promise<void>) => {
		action().then(
			() => {
				onClose(true);
			},
			(error: unknown) => {
				setFailure(services.describeError(error));
			},
		);
	};

	useKeyLayer({
		priority: step === 'pick' ? keyPriority.textEntry : keyPriority.dialog,
		modal: true,
		commands: step === 'pick' ? ['nav.up', 'nav.down', 'nav.open', 'nav.back'] : ['nav.up', 'nav.down', 'nav.first', 'nav.last', 'nav.open', 'nav.back'],
		labels: {'nav.open': step === 'pick' ? 'map to this person' : 'choose', 'nav.back': step === 'pick' ? 'back' : 'cancel'},
		onCommand(command) {
			if (command === 'nav.back') {
				if (step === 'pick') {
					setStep('menu');
				} else {
					onClose(false);
				}

				return true;
			}

			if (step !== 'pick') {
				const handler = menuCursor.handlers[command];
				handler?.();
				return handler !== undefined;
			}

			if (command === 'nav.up') {
				setCursor((value) => Math.max(0, value - 1));
			} else if (command === 'nav.down') {
				setCursor((value) => Math.min(people.length - 1, value + 1));
			} else if (command === 'nav.open') {
				const person: PersonChoice | undefined = people[cursor];
				if (person) {
					save(async () => services.mappings.mapTo(user.id, person.id));
				}
			}

			return true;
		},
		// Typing filters the people; arrows, Enter and Esc go on to the commands above.
		onText:
			step === 'pick'
				? (input, key) => {
						if (key.backspace || key.delete) {
							setQuery((value) => value.slice(0, -1));
						} else if (input && !key.ctrl && !key.meta && !key.return && !key.escape && !key.tab && !key.upArrow && !key.downArrow) {
							setQuery((value) => typeInto(value, input));
						} else {
							return false;
						}

						setCursor(0);
						setFailure(undefined);
						return true;
					}
				: undefined,
	});

	const menu: Array<{label: string; value: MenuChoice}> = [
		{label: 'Map to an existing person…', value: 'map'},
		{label: 'Ignore: never offer this user for import until un-ignored', value: 'ignore'},
		...(hasChoice ? [{label: 'Clear my choice: back to matching by email', value: 'clear' as const}] : []),
		{label: 'Cancel', value: 'cancel'},
	];
	const menuCursor = useMenu(menu, {
		onSelect(item) {
			switch (item.value) {
				case 'map': {
					setStep('pick');
					break;
				}

				case 'ignore': {
					save(async () => services.mappings.ignore(user.id));
					break;
				}

				case 'clear': {
					save(async () => services.mappings.clear(user.id));
					break;
				}

				default: {
					onClose(false);
				}
			}
		},
	});

	return (
		<DialogFrame title={`Mapping · ${toTerminalText(displayName(user))} <${toTerminalText(user.email ?? 'no email')}>`} width={width}>
			{step === 'menu' ? (
				<MenuList isFocused items={menu} cursor={menuCursor.cursor} />
			) : (
				<Box flexDirection="column">
					<Text>
						<Text bold>Find a person </Text>
						{query === '' ? <Text dimColor>type a name or email</Text> : <Text>{query}</Text>}
						<Text color="cyan">▏</Text>
					</Text>
					{people.length === 0 ? <Text dimColor>No SalesScreen person matches.</Text> : null}
					{people.map((person, index) => (
						<Text key={person.id} wrap="truncate" inverse={index === cursor}>
							{`${index === cursor ? '›' : ' '} ${toTerminalText(person.name)} <${toTerminalText(person.email)}>`}
							{person.linkedSalesforceUserId ? <Text color="yellow">{`  linked to ${person.linkedSalesforceUserId}`}</Text> : null}
						</Text>
					))}
				</Box>
			)}
			{failure ? (
				<Text color="red" wrap="wrap">
					{failure}
				</Text>
			) : null}
		</DialogFrame>
	);
}
