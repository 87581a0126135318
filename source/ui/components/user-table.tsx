import React, {useMemo} from 'react';
import type {PlanEntry} from '../../core/import-plan.js';
import {displayName, type SalesforceUser} from '../../core/salesforce-user.js';
import {toTerminalText} from '../../core/terminal-text.js';
import {CheckboxTable, CheckboxTableHeader, checkColumnWidth, type TableColumn} from './checkbox-table.js';
import {importStatusLook, type StatusLook} from './import-status.js';

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
	const check = checkColumnWidth;
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

function userColumns(width: number, statusOf?: (user: SalesforceUser) => PlanEntry): Array<TableColumn<SalesforceUser>> {
	const widths = tableColumns(width);
	// Text and colour of the status come from one classification a user, kept while these columns live
	// (until the store's context changes): a keypress re-renders a row without planning it again.
	const looks = new WeakMap<SalesforceUser, StatusLook>();
	const lookOf = (user: SalesforceUser): StatusLook | undefined => {
		if (!statusOf) {
			return undefined;
		}

		let look = looks.get(user);
		if (!look) {
			look = importStatusLook(statusOf(user));
			looks.set(user, look);
		}

		return look;
	};

	return [
		{title: 'Name', width: widths.name, followsCursor: true, text: (user) => toTerminalText(displayName(user)) || '(no name)'},
		{title: 'Email', width: widths.email, text: (user) => toTerminalText(user.email) || '(no email)'},
		{title: 'Title / profile', width: widths.role, text: (user) => toTerminalText(user.title ?? user.profileName ?? '')},
		{
			title: 'Import',
			width: widths.status,
			text: (user) => lookOf(user)?.text ?? '',
			color: (user) => lookOf(user)?.color,
		},
	];
}

const idOf = (user: SalesforceUser) => user.id;

export function UserTableHeader({width}: {width: number}) {
	const columns = useMemo(() => userColumns(width), [width]);
	return <CheckboxTableHeader columns={columns} />;
}

/** One page of Salesforce users; only these rows are ever rendered. */
export function UserTable({users, cursorRow, isSelected, statusOf, width}: Props) {
	// New columns only when the width or what the statuses are read from changes, so a keypress redraws one or two rows.
	const columns = useMemo(() => userColumns(width, statusOf), [width, statusOf]);
	return <CheckboxTable items={users} idOf={idOf} cursorRow={cursorRow} isSelected={isSelected} columns={columns} />;
}
