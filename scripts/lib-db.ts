import { lockHolder } from "../db/lock";
import { openPglite, openPostgres, pgliteDir, type DatabaseHandle } from "../db/client";

/** Opens the configured database for a script; refuses an embedded folder that a running server holds. */
export async function openForScript(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url, { max: 2 });
  const dir = pgliteDir();
  const holder = lockHolder(dir);
  if (holder) {
    console.error(`The embedded database ${dir} is in use by the running server (process ${holder}). Stop the server first.`);
    process.exit(1);
  }
  return openPglite(dir);
}
