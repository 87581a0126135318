import {useCallback, useEffect, useRef, useState} from 'react';

/**
 * A value the services read from the store, which answers asynchronously: `initial` until the first answer,
 * read again by `reload` (after a change) and whenever `read` changes. An answer that comes after a newer
 * one is dropped, so the screen never goes back to older data.
 */
export function useStoreRead<T>(read: () => Promise<T>, initial: T): [value: T, reload: () => void] {
	const [value, setValue] = useState<T>(initial);
	const asked = useRef(0);
	const shown = useRef(0);
	const reload = useCallback(() => {
		const ticket = ++asked.current;
		read().then(
			(answer) => {
				if (ticket > shown.current) {
					shown.current = ticket;
					setValue(answer);
				}
			},
			() => {
				// A failed read leaves what is shown; the next change or reload asks again.
			},
		);
	}, [read]);
	useEffect(() => {
		reload();
	}, [reload]);
	return [value, reload];
}
