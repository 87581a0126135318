import {createContext, useContext} from 'react';
import type {AppServices} from '../app/app-services.js';

/**
 * The app's services for a component that a screen opens without handing them down: the import dialog,
 * opened by the Users tab with only the import services, reads people and teams here.
 * Undefined outside the app (a dialog rendered on its own in a test), where those features stay hidden.
 */
const ServicesContext = createContext<AppServices | undefined>(undefined);

export const ServicesProvider = ServicesContext.Provider;

export function useOptionalServices(): AppServices | undefined {
	return useContext(ServicesContext);
}
