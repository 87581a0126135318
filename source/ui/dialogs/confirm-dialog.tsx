import {Text} from 'ink';
import React from 'react';
import {Panel} from '../components/panel.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	title: string;
	question: string;
	width: number;
	onConfirm: () => void;
	onCancel: () => void;
};

export function ConfirmDialog({title, question, width, onConfirm, onCancel}: Props) {
	useKeyLayer({
		priority: keyPriority.dialog,
		modal: true,
		commands: ['dialog.confirm', 'dialog.cancel', 'nav.back'],
		labels: {'nav.back': 'cancel'},
		onCommand(command) {
			if (command === 'dialog.confirm') {
				onConfirm();
			} else {
				onCancel();
			}
		},
	});

	return (
		<Panel title={title} width={width}>
			<Text wrap="truncate">{question}</Text>
			<Text>
				<Text bold color="cyan">
					y
				</Text>
				{' yes   '}
				<Text bold color="cyan">
					n
				</Text>
				{' no'}
			</Text>
		</Panel>
	);
}
