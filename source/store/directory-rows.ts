/** The rows the directory store writes, the same on both engines (each engine's table objects differ, these do not). */
export type NewPersonRow = {name: string; email: string; emailNormalised: string; title: string | null; role: 'admin' | 'member'; osLogin: string | null};
export type PersonChangesRow = Partial<{name: string; email: string; emailNormalised: string; title: string | null; role: 'admin' | 'member'; active: boolean; osLogin: string | null}>;
export type ChoiceRow = {salesforceUserId: string; kind: 'map' | 'ignore'; personId: number | null; chosenBy: string; chosenAt: string};
