import { and, count, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { sessions, users } from "@/db/schema";

/** How many demo accounts (seeded with the public demo password) the database holds and could still sign in with. */
export async function countDemoAccounts(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.isDemo, true), eq(users.active, true)));
  return Number(row?.n ?? 0);
}

/**
 * Removes the demo accounts. An account without contributions is deleted; one with contributions, votes or
 * plan text (rows that are never deleted with a person) cannot be deleted: it is
 * deactivated instead, its password removed and its sessions ended.
 */
export async function removeDemoAccounts(db: Db): Promise<{ deleted: string[]; deactivated: string[] }> {
  const accounts = await db.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.isDemo, true), eq(users.active, true)));
  const deleted: string[] = [];
  const deactivated: string[] = [];
  for (const a of accounts) {
    try {
      await db.transaction((tx) => tx.delete(users).where(eq(users.id, a.id)));
      deleted.push(a.email);
    } catch {
      await db.transaction(async (tx) => {
        await tx.update(users).set({ active: false, deactivatedAt: new Date(), passwordHash: null }).where(eq(users.id, a.id));
        await tx.delete(sessions).where(eq(sessions.userId, a.id));
      });
      deactivated.push(a.email);
    }
  }
  return { deleted: deleted.sort(), deactivated: deactivated.sort() };
}

export const demoAccountsWarning = (n: number) =>
  `The database holds ${n} demo account${n === 1 ? "" : "s"} with the public demo password. Outside demo mode ` +
  `they cannot sign in; remove them with \`npm run db:remove-demo\` (stop the server first when it uses the embedded database).`;
