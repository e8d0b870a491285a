import "server-only";
import { cache } from "react";
import { and, eq, gt, sql } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { getDatabase } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { DisplayMode, Locale, Role } from "@/db/schema/enums";
import { mayUseAccount } from "./options";
import { authCookies, sessionPolicy } from "./session-policy";

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

type SessionRow = CurrentUser & { lastSeenAt: Date; expiresAt: Date; unreadNotifications: number };

/**
 * The user and session ids in the request's session cookie, if it is a valid token of ours.
 * next-auth's own decode of its JWE (the cookie next-auth wrote at sign-in, split into ".0", ".1"
 * chunks only when large, which ours never is). Reading the cookie directly instead of
 * getServerSession spares every page next-auth's whole handler, which also re-encrypts the token
 * for a cookie a server component cannot set.
 */
async function readToken(): Promise<{ uid: string; sid: string } | null> {
  const name = authCookies(process.env.NEXTAUTH_URL).sessionToken.name;
  const jar = await cookies();
  const whole = jar.get(name)?.value;
  const value =
    whole ??
    jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((c) => c.value)
      .join("");
  if (!value || !process.env.NEXTAUTH_SECRET) return null;
  try {
    const token = await decode({ token: value, secret: process.env.NEXTAUTH_SECRET });
    return typeof token?.uid === "string" && typeof token.sid === "string" ? { uid: token.uid, sid: token.sid } : null;
  } catch {
    return null;
  }
}

/**
 * The session row the request's JWT names, if it is still valid: the row exists (sign-out and
 * role changes delete it), the person is active (and not a demo account outside demo mode), the
 * absolute end has not passed and the last request was less than the idle limit ago. The header's
 * unread notifications ride along (one statement per request for all that is personal).
 */
async function loadSession(): Promise<SessionRow | null> {
  const token = await readToken();
  if (!token) return null;
  const { uid, sid } = token;
  const db = await getDatabase();
  const now = new Date();
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
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      unreadNotifications: sql<number>`(select count(*)::int from notifications n where n.user_id = ${users.id} and n.read_at is null)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sid),
        eq(users.id, uid),
        mayUseAccount(),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - sessionPolicy.idleSeconds * 1000)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Records activity: writes last_seen_at when it is older than the write interval (or always, with force). */
async function touch(row: SessionRow, force = false): Promise<Date> {
  const now = new Date();
  if (!force && now.getTime() - row.lastSeenAt.getTime() < sessionPolicy.lastSeenWriteSeconds * 1000) return row.lastSeenAt;
  const db = await getDatabase();
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  return now;
}

const toCurrentUser = (row: SessionRow): CurrentUser => {
  const { lastSeenAt, expiresAt, unreadNotifications, ...user } = row;
  void lastSeenAt;
  void expiresAt;
  void unreadNotifications;
  return user;
};

/** The request's session row, read once per request (the header, the page and the idle dialog share it). */
const loadSessionOnce = cache(loadSession);

/**
 * The signed-in person, loaded once per request. The JWT only names a user and a session row;
 * role, group, organisation and the active flag come from the database, so a deleted session row
 * (sign-out, deactivation, role change) signs the person out at their next request. Each request
 * counts as activity for the idle limit.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const row = await loadSessionOnce();
  if (!row) return null;
  await touch(row);
  return toCurrentUser(row);
});

/** The signed-in person's unread notifications (the bell), from the same statement as the session. */
export async function getUnreadNotificationCount(): Promise<number> {
  return (await loadSessionOnce())?.unreadNotifications ?? 0;
}

export type SessionStatus = { signedIn: false } | { signedIn: true; idleSecondsLeft: number; absoluteSecondsLeft: number };

const secondsUntil = (at: number) => Math.max(0, Math.floor((at - Date.now()) / 1000));

/**
 * How long the current session has left, for the idle-session dialog. Reading the status is not
 * activity (the dialog's own requests must not keep a session alive); `stayActive` is, and always
 * writes last_seen_at.
 */
export async function sessionStatus({ stayActive = false } = {}): Promise<SessionStatus> {
  const row = await loadSession();
  if (!row) return { signedIn: false };
  const lastSeen = stayActive ? await touch(row, true) : row.lastSeenAt;
  return {
    signedIn: true,
    idleSecondsLeft: secondsUntil(lastSeen.getTime() + sessionPolicy.idleSeconds * 1000),
    absoluteSecondsLeft: secondsUntil(row.expiresAt.getTime()),
  };
}
