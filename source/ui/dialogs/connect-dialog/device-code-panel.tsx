import {Box} from 'ink';
import {Text} from '../../components/text.js';
import QRCode from 'qrcode';
import React, {useEffect, useState} from 'react';
import type {DeviceCode} from '../../../app/app-services.js';

type Props = {
	code: DeviceCode;
	/** Seconds between two checks, once polling started. */
	pollSeconds: number | undefined;
	/** Room this panel has; the QR code is drawn beside or below the code only where it fits. */
	width: number;
	height: number;
};

const textWidth = 48;

/** Two rows per line of modules: the half-block drawing keeps a QR code of a URL under 20 rows. */
function useQrLines(text: string): string[] {
	const [lines, setLines] = useState<string[]>([]);
	useEffect(() => {
		let current = true;
		// The half-block renderer needs an even margin.
		QRCode.toString(text, {type: 'utf8', margin: 2, errorCorrectionLevel: 'L'}).then(
			(drawing) => {
				if (current) {
					setLines(drawing.split('\n').filter((line) => line.length > 0));
				}
			},
			() => {
				// No QR code is no loss: the URL is written out above it.
			},
		);
		return () => {
			current = false;
		};
	}, [text]);
	return lines;
}

/** The verification URL and the user code, large and clear, for an admin reading them off an SSH session. */
export function DeviceCodePanel({code, pollSeconds, width, height}: Props) {
	const qr = useQrLines(code.verificationUri);
	const qrWidth = qr[0]?.length ?? 0;
	const placement = qr.length === 0 ? 'none' : width >= textWidth + qrWidth ? 'beside' : height >= qr.length + 9 ? 'below' : 'none';
	const drawing = (
		<Box flexDirection="column" flexShrink={0}>
			{qr.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index}>{line}</Text>
			))}
		</Box>
	);
	return (
		<Box flexDirection={placement === 'beside' ? 'row' : 'column'}>
			<Box flexDirection="column" width={placement === 'beside' ? textWidth : undefined}>
				<Text>On any device with a browser, phone included:</Text>
				<Box marginTop={1}>
					<Text>{'1. Open   '}</Text>
					<Text bold color="cyan">
						{code.verificationUri}
					</Text>
				</Box>
				<Box marginTop={1}>
					<Text>{'2. Enter  '}</Text>
					<Text bold inverse>{` ${[...code.userCode].join(' ')} `}</Text>
				</Box>
				<Box marginTop={1}>
					<Text color="yellow">{`Waiting for approval${pollSeconds === undefined ? '' : ` · checking every ${pollSeconds} s`}…`}</Text>
				</Box>
				{placement === 'none' && qr.length > 0 ? <Text dimColor>(A larger terminal shows the URL as a QR code.)</Text> : null}
			</Box>
			{placement === 'none' ? null : drawing}
		</Box>
	);
}
