import "server-only";
import { getDatabase } from "./client";
export type { Db, Tx } from "./client";

/** The app's database, opened on first use (never at import or during `next build`). */
export const db = () => getDatabase();
