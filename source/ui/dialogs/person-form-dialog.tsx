import {Box} from 'ink';
import {Text} from '../components/text.js';
import React, {useState} from 'react';
import {checkPerson, type PersonInput} from '../../core/person-form.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {TextField} from '../components/text-field.js';
import {useTextEntry} from '../hooks/use-text-entry.js';

export type PersonField = 'name' | 'email' | 'title';

const fieldLabels: Record<PersonField, {label: string; placeholder: string}> = {
	name: {label: 'Name ', placeholder: 'Jane Doe'},
	email: {label: 'Email', placeholder: 'jane.doe@acme.com'},
	title: {label: 'Title', placeholder: '(optional) Account Executive'},
};

type Props = {
	title: string;
	intro?: string;
	initial?: Partial<Record<PersonField, string>>;
	fields?: readonly PersonField[];
	submitLabel?: string;
	width: number;
	/** Returns why the store refused it (the form stays open and says so), or undefined when saved. */
	/** Resolves to why it could not be done (the dialog stays open and says so), or undefined when done. */
	onSubmit: (input: PersonInput) => Promise<string | undefined>;
	onCancel: () => void;
};

/** A person's name, email and title, a field at a time: Enter goes on, and saves on the last field. */
export function PersonFormDialog({title, intro, initial = {}, fields = ['name', 'email', 'title'], submitLabel = 'save', width, onSubmit, onCancel}: Props) {
	const [values, setValues] = useState<Record<PersonField, string>>({name: initial.name ?? '', email: initial.email ?? '', title: initial.title ?? ''});
	const [active, setActive] = useState(0);
	// A check of one field shows under it; a refusal by the store (a taken email, no admin rights) under the form.
	const [error, setError] = useState<{field?: PersonField; message: string} | undefined>();
	const field = fields[active]!;
	const last = active === fields.length - 1;

	const submit = () => {
		const input = {name: values.name, email: values.email, title: fields.includes('title') ? values.title : undefined};
		// The same checks the store makes, said at the field they concern before anything is written.
		const checked = checkPerson(input);
		if (!checked.ok) {
			setActive(Math.max(0, fields.indexOf(checked.field)));
			setError({field: checked.field, message: checked.reason});
			return;
		}

		void onSubmit(input).then((refused) => {
			if (refused !== undefined) {
				setError({message: refused});
			}
		});
	};

	useTextEntry(
		{
			value: values[field],
			onChange(next) {
				setValues((current) => ({...current, [field]: next}));
				setError(undefined);
			},
			onSubmit() {
				if (last) {
					submit();
				} else {
					setActive(active + 1);
				}
			},
			onCancel,
			submitLabel: last ? submitLabel : 'next',
			onNextField: () => setActive(Math.min(fields.length - 1, active + 1)),
			onPreviousField: () => setActive(Math.max(0, active - 1)),
		},
		true,
	);

	return (
		<DialogFrame title={title} width={width}>
			{intro ? <Text wrap="wrap">{intro}</Text> : null}
			<Box flexDirection="column">
				{fields.map((name, index) => (
					<TextField
						key={name}
						label={fieldLabels[name].label}
						value={values[name]}
						placeholder={fieldLabels[name].placeholder}
						isActive={index === active}
						width={width - 4}
						hint={error?.field === name ? error.message : undefined}
						hintColor="red"
					/>
				))}
			</Box>
			{error && error.field === undefined ? (
				<Text color="red" wrap="wrap">
					{error.message}
				</Text>
			) : null}
			<Text dimColor wrap="truncate">{`Enter ${last ? submitLabel : 'next field'} · Tab/↑↓ move between fields · Esc cancel`}</Text>
		</DialogFrame>
	);
}
