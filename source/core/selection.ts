/**
 * The set of checked Salesforce user ids. It lives outside any one page or filter, so a selection survives
 * both; it is changed in place (a 100,000-user list must not be copied on every keypress) and counts its
 * changes so a view can tell that it changed.
 */
export class Selection {
	#ids = new Set<string>();
	#version = 0;

	get size(): number {
		return this.#ids.size;
	}

	/** Grows by one on every change that altered the set. */
	get version(): number {
		return this.#version;
	}

	has(id: string): boolean {
		return this.#ids.has(id);
	}

	toggle(id: string): void {
		if (!this.#ids.delete(id)) {
			this.#ids.add(id);
		}

		this.#version++;
	}

	/** True when every given id is selected (false for none). */
	hasAll(ids: Iterable<string>): boolean {
		let any = false;
		for (const id of ids) {
			any = true;
			if (!this.#ids.has(id)) {
				return false;
			}
		}

		return any;
	}

	set(ids: Iterable<string>, selected: boolean): void {
		for (const id of ids) {
			if (selected) {
				this.#ids.add(id);
			} else {
				this.#ids.delete(id);
			}
		}

		this.#version++;
	}

	clear(): void {
		this.#ids.clear();
		this.#version++;
	}

	ids(): string[] {
		return [...this.#ids];
	}
}
