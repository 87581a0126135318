import React, {useMemo} from 'react';
import {DialogFrame} from '../components/dialog-frame.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	title: string;
	/** One line, or several (each its own paragraph). */
	question: string | readonly string[];
	width: number;
	/** Rows the dialog may take; a longer question scrolls. */
	height: number;
	onConfirm: () => void;
	onCancel: () => void;
	/** What n means, when it is more than "no" (e.g. "not now"). */
	noLabel?: string;
	/** Footer wording for y and n, where the dialog's own is too long for it. */
	yesHint?: string;
	noHint?: string;
	/**
	 * A modal question holds every key until answered (the default). A non-modal one takes only y, n and
	 * Esc, and lets every other key go on to the screen behind, so it can wait.
	 */
	modal?: boolean;
};

export function ConfirmDialog({title, question, width, height, onConfirm, onCancel, noLabel = 'no', yesHint, noHint, modal = true}: Props) {
	useKeyLayer({
		priority: keyPriority.dialog,
		modal,
		commands: modal ? ['dialog.confirm', 'dialog.cancel', 'nav.back'] : ['dialog.confirm', 'dialog.cancel'],
		labels: {'nav.back': 'cancel', 'dialog.cancel': noHint ?? noLabel, ...(yesHint ? {'dialog.confirm': yesHint} : {})},
		onCommand(command) {
			if (command === 'dialog.confirm') {
				onConfirm();
			} else {
				onCancel();
			}
		},
	});

	const lines = typeof question === 'string' ? [question] : question;
	// The answers stay in view under a question that scrolls, wrapped like it: "n not now (asked again…)" is read whole.
	const answers = useMemo(() => [{text: `y yes   n ${noLabel}`, bold: true}], [noLabel]);
	return (
		// A question that waits (non-modal) leaves the arrows to the screen behind it.
		<DialogFrame title={title} width={width} height={height} lines={lines} footer={answers} isActive={modal} />
	);
}
