import React from 'react';
import {DialogFrame, type DialogLine} from '../components/dialog-frame.js';
import type {Command} from '../keys/key-bindings.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	title: string;
	lines: readonly DialogLine[];
	width: number;
	height: number;
	onClose: () => void;
	/** Where trying again can help (a connection that failed): r does it and closes the notice. */
	onRetry?: () => void;
};

/** Why something cannot be done now, said where the admin is looking, until Esc or Enter. */
export function NoticeDialog({title, lines, width, height, onClose, onRetry}: Props) {
	const commands: Command[] = ['nav.back', 'nav.open', ...(onRetry ? (['action.retry'] as const) : [])];
	useKeyLayer({
		priority: keyPriority.dialog,
		modal: true,
		commands,
		labels: {'nav.back': 'close', 'nav.open': 'close'},
		onCommand(command) {
			if (command === 'action.retry') {
				onRetry?.();
			}

			onClose();
		},
	});

	return <DialogFrame title={title} width={width} height={height} lines={lines} footer={[{text: onRetry ? 'Esc or Enter closes · r tries again' : 'Esc or Enter closes', dim: true}]} />;
}
