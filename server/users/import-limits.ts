/** An uploaded list of people: at most this large, at most this many rows (plain data, for forms and inputs). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;
