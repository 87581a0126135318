import {Box} from 'ink';
import {Text} from '../components/text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useEffect, useMemo, useRef, useState} from 'react';
import {FilterText} from '../components/filter-text.js';
import type {PersonHistoryEntry, PersonListing} from '../../core/person.js';
import {filterPeople} from '../../core/person-filter.js';
import {noTeamConsequence} from '../../core/no-team.js';
import {Selection} from '../../core/selection.js';
import type {AppServices} from '../../app/app-services.js';
import {CheckboxTable, CheckboxTableHeader} from '../components/checkbox-table.js';
import {personColumns, personId} from '../components/person-columns.js';
import {ConfirmDialog} from '../dialogs/confirm-dialog.js';
import {FirstAdminForm} from '../dialogs/first-admin-dialog.js';
import {PersonDetailsDialog} from '../dialogs/person-details-dialog.js';
import {PersonFormDialog} from '../dialogs/person-form-dialog.js';
import {TeamPickerDialog} from '../dialogs/team-picker-dialog.js';
import {TextPromptDialog} from '../dialogs/text-prompt-dialog.js';
import {pagedSelectionHandlers, usePagedSelection} from '../hooks/use-paged-selection.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import type {Command} from '../keys/key-bindings.js';
import {useFilterEntry} from '../hooks/use-filter-entry.js';
import {useGuardedChange} from '../hooks/use-guarded-change.js';
import {useStoreRead} from '../hooks/use-store-read.js';

type Props = {
	services: Pick<AppServices, 'people' | 'teams' | 'operatorRights' | 'operator' | 'describeError'>;
	isFocused: boolean;
	onBack: () => void;
	width: number;
	height: number;
};

type Overlay =
	| {kind: 'none'}
	| {kind: 'add'}
	| {kind: 'edit'; person: PersonListing}
	| {kind: 'details'; person: PersonListing; history: PersonHistoryEntry[]}
	| {kind: 'team'; personIds: number[]}
	| {kind: 'make-admin'; person: PersonListing}
	| {kind: 'make-member'; person: PersonListing}
	| {kind: 'unlink'; person: PersonListing}
	| {kind: 'confirm-all'}
	| {kind: 'first-admin'};

const count = formatCount;
const people = (value: number) => `${count(value)} ${value === 1 ? 'person' : 'people'}`;

const tableCommands: Command[] = [
	'nav.up',
	'nav.down',
	'nav.open',
	'page.previous',
	'page.next',
	'selection.toggle',
	'item.add',
	'item.edit',
	'item.remove',
	'people.team',
	'people.role',
	'people.unlink',
	'selection.page',
	'selection.all',
	'selection.clear',
	'filter.start',
	'view.toggle-all',
	'nav.first',
	'nav.last',
];

/** Manage › People: every SalesScreen person, searchable, with what an admin may change about them. */
export function PeopleScreen({services, isFocused, onBack, width, height}: Props) {
	const [everyone, reloadPeople] = useStoreRead(services.people.list, []);
	const [rights, reloadRights] = useStoreRead(services.operatorRights, {login: services.operator, isAdmin: false, bootstrap: false});
	const selection = useRef(new Selection()).current;
	const filter = useFilterEntry(isFocused);
	const {query} = filter;
	const editingFilter = filter.editing;
	const [showInactive, setShowInactive] = useState(false);
	const [overlay, setOverlay] = useState<Overlay>({kind: 'none'});
	const [message, setMessage] = useState<string | undefined>();

	const listed = useMemo(() => filterPeople(everyone, {showInactive, query}), [everyone, showInactive, query]);
	const onNoTeam = useMemo(() => everyone.filter((person) => person.active && person.teamId === null).length, [everyone]);
	const columns = useMemo(() => personColumns(width), [width]);
	// Two or three lines at the foot say what a key did, or why it may not: a refusal names who can help.
	const footnoteLines = width < 90 ? 3 : 2;
	const tableHeight = Math.max(1, height - 2 - footnoteLines);
	const paged = usePagedSelection(listed, tableHeight, selection, personId);
	const {resetCursor} = paged;
	const highlighted = listed[paged.cursor];

	useEffect(() => {
		resetCursor();
	}, [query, showInactive, resetCursor]);

	const reload = () => {
		reloadPeople();
		reloadRights();
	};

	const {may, change} = useGuardedChange(services, setMessage, () => {
		setOverlay({kind: 'none'});
		reload();
	});


	const handlers: Partial<Record<Command, () => void>> = {
		...pagedSelectionHandlers(paged),
		'selection.all'() {
			if (listed.length > 0) {
				setOverlay({kind: 'confirm-all'});
			}
		},
		'filter.start': () => filter.start(),
		'view.toggle-all': () => setShowInactive(!showInactive),
		'nav.back'() {
			if (query === '') {
				onBack();
			} else {
				filter.clear();
			}
		},
		'nav.open'() {
			if (highlighted) {
				void services.people.history(highlighted.id).then((history) => {
					setOverlay({kind: 'details', person: highlighted, history});
				});
			}
		},
		'item.add'() {
			void may('people').then((ok) => ok && setOverlay({kind: 'add'}));
		},
		'item.edit'() {
			if (highlighted) {
				void may('people').then((ok) => ok && setOverlay({kind: 'edit', person: highlighted}));
			}
		},
		'item.remove'() {
			if (highlighted) {
				void may('people').then(async (ok) =>
					ok &&
					change(async () => {
						await services.people.setActive(highlighted.id, !highlighted.active);
						return highlighted.active ? `${highlighted.name} is deactivated; d again reactivates (h lists inactive people).` : `${highlighted.name} is active again.`;
					}),
				);
			}
		},
		'people.team'() {
			const personIds = selection.size > 0 ? selection.ids().map(Number) : highlighted ? [highlighted.id] : [];
			if (personIds.length > 0) {
				void may('teams').then((ok) => ok && setOverlay({kind: 'team', personIds}));
			}
		},
		'people.role'() {
			if (highlighted) {
				void may('admins').then((ok) => ok && setOverlay(highlighted.role === 'admin' ? {kind: 'make-member', person: highlighted} : {kind: 'make-admin', person: highlighted}));
			}
		},
		'people.unlink'() {
			if (!highlighted) {
				return;
			}

			void may('people').then((ok) => {
				if (!ok) {
					return;
				}

				if (highlighted.salesforceUserId === null) {
					setMessage(`${highlighted.name} is not linked to a Salesforce user.`);
				} else {
					setOverlay({kind: 'unlink', person: highlighted});
				}
			});
		},
		'admin.become'() {
			setOverlay({kind: 'first-admin'});
		},
	};

	useKeyLayer(
		{
			priority: keyPriority.content,
			name: 'People',
			commands: [...tableCommands, 'nav.back', ...(rights.bootstrap ? (['admin.become'] as const) : [])],
			labels: {
				'nav.open': 'details',
				'nav.back': query === '' ? '' : 'clear filter',
				'item.remove': highlighted?.active === false ? 'reactivate' : 'deactivate',
				'people.role': highlighted?.role === 'admin' ? 'make member' : 'make admin',
				'view.toggle-all': showInactive ? 'hide inactive' : 'show inactive',
			},
			onCommand(command) {
				setMessage(undefined);
				const handler = handlers[command];
				if (!handler) {
					return false;
				}

				handler();
				return true;
			},
		},
		isFocused && overlay.kind === 'none' && !editingFilter,
	);

	const dialogWidth = Math.min(width, 76);
	const close = () => setOverlay({kind: 'none'});
	const you = `${rights.login}: ${rights.bootstrap ? 'no admin yet' : rights.isAdmin ? 'admin' : 'read only'}`;
	const footnote =
		message ??
		// The highlighted person's missing team first: the top line and the footer already say there is no admin.
		(highlighted?.active && highlighted.teamId === null ? `${highlighted.name} is ${noTeamConsequence}. t puts them on a team.` : undefined) ??
		(rights.bootstrap ? 'No one is an admin yet, so anyone may change things: b makes you the first admin.' : undefined);

	return (
		<Box flexDirection="column" height={height}>
			<Box height={1}>
				<Text wrap="truncate">
					<FilterText query={query} editing={editingFilter} width={width} />
					<Text bold color={paged.selectedCount > 0 ? 'green' : undefined}>{`${count(paged.selectedCount)} selected`}</Text>
					{` · ${people(listed.length)}${showInactive ? ' (all)' : ''} · `}
					{onNoTeam > 0 ? <Text color="yellow">{`${count(onNoTeam)} on no team · `}</Text> : null}
					{`page ${paged.window.page + 1} of ${paged.window.pageCount} · `}
					<Text color={rights.isAdmin ? undefined : 'yellow'}>{you}</Text>
				</Text>
			</Box>
			{overlay.kind === 'none' ? (
				<Box flexDirection="column" height={tableHeight + 1}>
					<CheckboxTableHeader columns={columns} />
					{listed.length === 0 ? (
						<Box flexDirection="column" paddingX={1}>
							<Text wrap="wrap">
								{query !== ''
									? `No one matches "${query}". Esc clears the filter.`
									: everyone.length === 0
										? 'No people yet. Import them on Integrations › Salesforce › Users, or press n to add one.'
										: 'No active people. h lists the inactive ones too.'}
							</Text>
						</Box>
					) : (
						<CheckboxTable items={paged.pageItems} idOf={personId} cursorRow={paged.cursor - paged.window.start} isSelected={paged.isSelected} columns={columns} />
					)}
				</Box>
			) : null}
			{overlay.kind === 'details' ? <PersonDetailsDialog person={overlay.person} history={overlay.history} width={Math.min(width, 110)} height={tableHeight + 1} onClose={close} /> : null}
			{overlay.kind === 'add' || overlay.kind === 'edit' ? (
				<PersonFormDialog
					title={overlay.kind === 'add' ? 'New person' : `Edit ${overlay.person.name}`}
					initial={overlay.kind === 'edit' ? {name: overlay.person.name, email: overlay.person.email, title: overlay.person.title ?? ''} : undefined}
					width={dialogWidth}
					onSubmit={(input) =>
						change(async () => {
							if (overlay.kind === 'edit') {
								await services.people.update(overlay.person.id, input);
								return `${input.name.trim()} is saved.`;
							}

							await services.people.add(input);
							return `${input.name.trim()} is added, as a member on no team.`;
						}, true)
					}
					onCancel={close}
				/>
			) : null}
			{overlay.kind === 'team' ? (
				<TeamPickerDialog
					title="Put on a team"
					question={`Put ${people(overlay.personIds.length)}${overlay.personIds.length === 1 ? ` (${everyone.find((person) => person.id === overlay.personIds[0])?.name ?? ''})` : ''} on:`}
					services={services}
					allowNone
					width={dialogWidth}
					height={tableHeight + 1}
					onPick={(teamId, teamName) =>
						change(async () => {
							const moved = await services.people.assignTeam(overlay.personIds, teamId);
							selection.clear();
							return teamId === null ? `${people(moved)} taken off their team.` : `${people(moved)} put on ${teamName}.`;
						}, true)
					}
					onCancel={close}
				/>
			) : null}
			{overlay.kind === 'make-admin' ? (
				<TextPromptDialog
					title={`Make ${overlay.person.name} an admin`}
					question="An admin may import, change settings, connect orgs, and change people and teams. Which OS login do they run salesscreen as?"
					label="OS login"
					initial={overlay.person.osLogin ?? ''}
					placeholder="jdoe"
					submitLabel="make admin"
					width={dialogWidth}
					onSubmit={(login) =>
						change(async () => {
							await services.people.setRole(overlay.person.id, 'admin', login);
							return `${overlay.person.name} is an admin now, as OS login ${login.trim() || overlay.person.osLogin}.`;
						}, true)
					}
					onCancel={close}
				/>
			) : null}
			{overlay.kind === 'make-member' ? (
				<ConfirmDialog
					title="Make a member"
					question={`Make ${overlay.person.name} a member? They will no longer be able to change things.`}
					width={dialogWidth}
					height={height}
					onConfirm={() => {
						void change(async () => {
							await services.people.setRole(overlay.person.id, 'member');
							return `${overlay.person.name} is a member now.`;
						}).then((failed) => failed !== undefined && close());
					}}
					onCancel={close}
				/>
			) : null}
			{overlay.kind === 'unlink' ? (
				<ConfirmDialog
					title="Unlink from Salesforce"
					question={`Unlink ${overlay.person.name} from Salesforce user ${overlay.person.salesforceName ?? ''} (${overlay.person.salesforceUserId})? The person stays.`}
					width={dialogWidth}
					height={height}
					onConfirm={() => {
						void change(async () => {
							await services.people.unlink(overlay.person.id);
							return `${overlay.person.name} is no longer linked; a later import may map them again by email.`;
						}).then((failed) => failed !== undefined && close());
					}}
					onCancel={close}
				/>
			) : null}
			{overlay.kind === 'confirm-all' ? (
				<ConfirmDialog
					title="Check all people"
					question={`Check all ${people(listed.length)} listed on all ${count(paged.window.pageCount)} pages?`}
					width={dialogWidth}
					height={height}
					onConfirm={() => {
						paged.selectAll();
						close();
					}}
					onCancel={close}
				/>
			) : null}
			{overlay.kind === 'first-admin' ? (
				<FirstAdminForm
					services={services}
					width={dialogWidth}
					onDone={(done) => {
						close();
						if (done !== undefined) {
							setMessage(done);
							reload();
						}
					}}
				/>
			) : null}
			<Box height={footnoteLines} flexDirection="column" justifyContent="flex-end">
				<Text color="yellow" wrap="wrap">
					{footnote ?? ''}
				</Text>
			</Box>
		</Box>
	);
}
