/** A person's state in the list: invited (no password yet), active, or deactivated (plain data, for forms too). */
export const personStates = ["invited", "active", "inactive"] as const;
export type PersonState = (typeof personStates)[number];
