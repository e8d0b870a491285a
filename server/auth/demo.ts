import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { demoPassword } from "@/db/seed/content";
import { isDemo } from "../env";

/** Demo accounts for the sign-in page — only in demo mode, and only those that still exist and are active. */
export async function listDemoAccounts() {
  if (!isDemo()) return null;
  const db = await getDatabase();
  const rows = await db
    .select({ email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.active, true)))
    .orderBy(asc(users.role), asc(users.email));
  return { password: demoPassword, accounts: rows };
}
