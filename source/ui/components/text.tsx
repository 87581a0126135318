import {Text as InkText} from 'ink';
import React, {type ComponentProps} from 'react';
import {useLook} from '../look/look-context.js';

/**
 * Ink's Text, drawn without colours when the terminal look says so (NO_COLOR, TERM=dumb, plain mode):
 * ink checks neither. Bold, inverse and underline stay, and a background colour becomes inverse, so
 * emphasis never rests on colour alone.
 */
export function Text({color, backgroundColor, inverse, ...props}: ComponentProps<typeof InkText>) {
	const look = useLook();
	if (look.color) {
		return <InkText color={color} backgroundColor={backgroundColor} inverse={inverse} {...props} />;
	}

	return <InkText inverse={inverse === true || backgroundColor !== undefined} {...props} />;
}
