import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";

/**
 * Whether an active officer other than this person remains (the county must keep one). Locks the
 * active officers' rows, so two officers deactivating each other at once cannot both succeed.
 */
export async function anotherActiveOfficer(tx: DbOrTx, userId: string): Promise<boolean> {
  const officers = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "officer"), eq(users.active, true)))
    .for("update");
  return officers.some((o) => o.id !== userId);
}
