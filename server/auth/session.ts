import "server-only";
import { cache } from "react";
import { and, eq, gt } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { getDatabase } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { DisplayMode, Locale, Role } from "@/db/schema/enums";
import { authOptions } from "./options";

export type CurrentUser = {
  id: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  groupId: string;
  organisationId: string | null;
  displayMode: DisplayMode;
  locale: Locale;
};

/**
 * The signed-in person, loaded once per request. The JWT only names a user and a session row;
 * role, group, organisation and the active flag come from the database, so a deleted session row
 * (sign-out, deactivation, role change) signs the person out at their next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const uid = session?.uid;
  const sid = session?.sid;
  if (!uid || !sid) return null;
  const db = await getDatabase();
  const [row] = await db
    .select({
      id: users.id,
      sessionId: sessions.id,
      name: users.name,
      email: users.email,
      role: users.role,
      groupId: users.groupId,
      organisationId: users.organisationId,
      displayMode: users.displayMode,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sid), eq(users.id, uid), eq(users.active, true), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
});
