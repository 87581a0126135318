// The baseline of the first-frame bench: the least an ink app can do, one line of text, in the same build.
import {render, Text} from 'ink';
import React from 'react';

const instance = render(<Text>minimal ink app</Text>);
setTimeout(() => {
	instance.unmount();
}, 50);
