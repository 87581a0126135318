import React, {createContext, useContext, type ReactNode} from 'react';
import {colorfulLook, type TerminalLook} from './terminal-look.js';

const LookContext = createContext<TerminalLook>(colorfulLook);

export function LookProvider({look, children}: {look: TerminalLook; children: ReactNode}) {
	return <LookContext.Provider value={look}>{children}</LookContext.Provider>;
}

/** Whether to draw colours, and whether the plain layout is on. Colourful when nothing says otherwise. */
export function useLook(): TerminalLook {
	return useContext(LookContext);
}
