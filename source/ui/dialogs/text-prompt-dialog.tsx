import {Text} from '../components/text.js';
import React, {useState} from 'react';
import {DialogFrame} from '../components/dialog-frame.js';
import {TextField} from '../components/text-field.js';
import {useTextEntry} from '../hooks/use-text-entry.js';

type Props = {
	title: string;
	/** A line above the field: what the value is for. */
	question?: string;
	label: string;
	initial?: string;
	placeholder?: string;
	hint?: string;
	submitLabel?: string;
	width: number;
	/** Returns why the value was refused (the dialog stays open and says so), or undefined when done. */
	/** Resolves to why it could not be done (the dialog stays open and says so), or undefined when done. */
	onSubmit: (value: string) => Promise<string | undefined>;
	onCancel: () => void;
};

/** One line of text asked for in a panel: a team's name, an OS login. */
export function TextPromptDialog({title, question, label, initial = '', placeholder, hint, submitLabel = 'save', width, onSubmit, onCancel}: Props) {
	const [value, setValue] = useState(initial);
	const [error, setError] = useState<string | undefined>();
	useTextEntry(
		{
			value,
			onChange(next) {
				setValue(next);
				setError(undefined);
			},
			onSubmit() {
				void onSubmit(value).then(setError);
			},
			onCancel,
			submitLabel,
		},
		true,
	);

	return (
		<DialogFrame title={title} width={width}>
			{question ? <Text wrap="wrap">{question}</Text> : null}
			<TextField label={label} value={value} placeholder={placeholder} isActive width={width - 4} hint={error ?? hint} hintColor={error ? 'red' : undefined} />
		</DialogFrame>
	);
}
