import {Box, Text} from 'ink';
import React from 'react';
import type {PlanEntry} from '../../core/import-plan.js';
import {displayName, type SalesforceUser} from '../../core/salesforce-user.js';
import {toTerminalText} from '../../core/terminal-text.js';
import {importStatusLook} from './import-status.js';

type Props = {
	users: readonly SalesforceUser[];
	/** Row of the page that is highlighted. */
	cursorRow: number;
	isSelected: (user: SalesforceUser) => boolean;
	statusOf: (user: SalesforceUser) => PlanEntry;
	width: number;
};

type Columns = {check: number; name: number; email: number; role: number; status: number};

/** Splits the width between the columns; the title/profile column goes first when space is short. */
export function tableColumns(width: number): Columns {
	const check = 5;
	// Wide enough for "maps to existing (email)" and "cannot import (linked elsewhere)" where it can be.
	const status = Math.min(34, Math.max(26, Math.floor(width * 0.28)));
	const rest = Math.max(0, width - check - status);
	if (width < 90) {
		const name = Math.floor(rest * 0.45);
		return {check, name, email: rest - name, role: 0, status};
	}

	const name = Math.floor(rest * 0.3);
	const email = Math.floor(rest * 0.4);
	return {check, name, email, role: rest - name - email, status};
}

function Cell({width, children, color, bold}: {width: number; children: string; color?: string; bold?: boolean}) {
	if (width <= 0) {
		return null;
	}

	return (
		// The gap is a box of its own: ink lets truncated text run into a box's right padding.
		<Box width={width} flexShrink={0}>
			<Box width={Math.max(1, width - 1)}>
				<Text wrap="truncate" color={color} bold={bold}>
					{children}
				</Text>
			</Box>
		</Box>
	);
}

export function UserTableHeader({width}: {width: number}) {
	const columns = tableColumns(width);
	return (
		<Box height={1}>
			<Cell width={columns.check}>{''}</Cell>
			<Cell bold width={columns.name}>
				Name
			</Cell>
			<Cell bold width={columns.email}>
				Email
			</Cell>
			<Cell bold width={columns.role}>
				Title / profile
			</Cell>
			<Cell bold width={columns.status}>
				Import
			</Cell>
		</Box>
	);
}

type RowProps = {
	user: SalesforceUser;
	highlighted: boolean;
	selected: boolean;
	statusText: string;
	statusColor: string;
	width: number;
};

// A keypress changes one or two rows of a page: the others keep their props and are not rendered again.
const UserRow = React.memo(function UserRow({user, highlighted, selected, statusText, statusColor, width}: RowProps) {
	const columns = tableColumns(width);
	const rowColor = highlighted ? 'cyan' : undefined;
	return (
		<Box height={1}>
			<Cell width={columns.check} color={rowColor} bold={highlighted}>
				{`${highlighted ? '›' : ' '}${selected ? '[x]' : '[ ]'}`}
			</Cell>
			<Cell width={columns.name} color={rowColor} bold={highlighted}>
				{toTerminalText(displayName(user)) || '(no name)'}
			</Cell>
			<Cell width={columns.email}>{toTerminalText(user.email) || '(no email)'}</Cell>
			<Cell width={columns.role}>{toTerminalText(user.title ?? user.profileName ?? '')}</Cell>
			<Cell width={columns.status} color={statusColor}>
				{statusText}
			</Cell>
		</Box>
	);
});

/** One page of Salesforce users; only these rows are ever rendered. */
export function UserTable({users, cursorRow, isSelected, statusOf, width}: Props) {
	return (
		<Box flexDirection="column">
			{users.map((user, row) => {
				const status = importStatusLook(statusOf(user));
				return (
					<UserRow
						key={user.id}
						user={user}
						highlighted={row === cursorRow}
						selected={isSelected(user)}
						statusText={status.text}
						statusColor={status.color}
						width={width}
					/>
				);
			})}
		</Box>
	);
}
