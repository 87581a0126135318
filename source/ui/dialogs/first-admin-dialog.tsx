import React from 'react';
import type {AppServices} from '../../app/app-services.js';
import {ConfirmDialog} from './confirm-dialog.js';
import {PersonFormDialog} from './person-form-dialog.js';

type OfferProps = {
	login: string;
	width: number;
	height: number;
	onAccept: () => void;
	onDecline: () => void;
};

/**
 * Asked on start while the store has no admin. It takes only y and n: every other key goes on to the
 * screen behind, so the app can be used at once and the question waits for the next run.
 */
export function FirstAdminOffer({login, width, height, onAccept, onDecline}: OfferProps) {
	return (
		<ConfirmDialog
			modal={false}
			title="No SalesScreen admin yet"
			question={[
				'Until someone is, whoever runs salesscreen may import and change people, teams and settings.',
				`Become the first admin, as OS login ${login}? Then only admins may change things.`,
			]}
			noLabel="not now (asked again next time)"
			yesHint="become admin"
			noHint="not now"
			width={width}
			height={height}
			onConfirm={onAccept}
			onCancel={onDecline}
		/>
	);
}

type FormProps = {
	services: Pick<AppServices, 'people' | 'operator' | 'describeError'>;
	width: number;
	onDone: (message: string | undefined) => void;
};

/** The operator's name and email, for the person who will carry their login and the admin role. */
export function FirstAdminForm({services, width, onDone}: FormProps) {
	return (
		<PersonFormDialog
			title="Become the first admin"
			intro={`Your OS login ${services.operator} will be an admin's. If a person has this email already, they become that admin.`}
			fields={['name', 'email']}
			submitLabel="become admin"
			width={width}
			onSubmit={async (input) => {
				try {
					await services.people.becomeFirstAdmin(input);
					onDone(`You (${services.operator}) are SalesScreen's admin now; make others admins on the People screen.`);
					return undefined;
				} catch (error: unknown) {
					return services.describeError(error);
				}
			}}
			onCancel={() => {
				onDone(undefined);
			}}
		/>
	);
}
