import { and, eq, lt, type SQL } from "drizzle-orm";
import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { sessions, users, verificationTokens } from "@/db/schema";
import { isDemo } from "../env";
import { log } from "../log";
import { enqueueMail } from "../mail/outbox";
import { emailIs } from "../users/email";
import { signInMail } from "../mail/templates";
import { consume, isLimited, limits, reset } from "../security/rate-limit";
import { verifyPassword } from "./password";
import { safeRedirectUrl } from "./redirect";
import { authCookies, cookieSecurity, sessionPolicy } from "./session-policy";

const credentialsInput = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1024) });

/**
 * Who may sign in: active accounts, and demo accounts only while demo mode is on (a database seeded
 * for the demo and then served without it keeps its demo accounts, whose password is public).
 */
export function mayUseAccount(): SQL {
  return isDemo() ? eq(users.active, true) : and(eq(users.active, true), eq(users.isDemo, false))!;
}

async function findActiveUser(email: string) {
  const db = await getDatabase();
  const [u] = await db
    .select({ id: users.id, email: users.email, name: users.name, emailVerifiedAt: users.emailVerifiedAt, passwordHash: users.passwordHash, locale: users.locale })
    .from(users)
    .where(and(emailIs(email), mayUseAccount()))
    .limit(1);
  return u ?? null;
}

/**
 * The address next-auth answers a sign-in link request with when it sends a mail
 * (core/routes/signin.js: `${url}/verify-request?provider=email&type=email`, where url is
 * NEXTAUTH_URL's origin and path, "/api/auth" when it has none — utils/parse-url.js). Unknown,
 * deactivated and demo addresses get exactly this too, so the answer reveals nothing.
 */
export function verifyRequestUrl(base = process.env.NEXTAUTH_URL ?? "http://localhost:3000"): string {
  const u = new URL(base.startsWith("http") ? base : `https://${base}`);
  const path = (u.pathname === "/" ? "/api/auth" : u.pathname).replace(/\/$/, "");
  return `${u.origin}${path}/verify-request?${new URLSearchParams({ provider: "email", type: "email" })}`;
}

const toAdapterUser = (u: { id: string; email: string; name: string; emailVerifiedAt: Date | null }): AdapterUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  emailVerified: u.emailVerifiedAt,
});

/**
 * Only what the e-mail provider needs, over our own tables (sessions are JWT). It never creates an
 * account: accounts exist only by invitation or seed.
 */
const adapter: Adapter = {
  async createUser() {
    throw new Error("Sign-in never creates accounts");
  },
  async getUser(id) {
    const db = await getDatabase();
    const [u] = await db.select({ id: users.id, email: users.email, name: users.name, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(and(eq(users.id, id), mayUseAccount()));
    return u ? toAdapterUser(u) : null;
  },
  async getUserByEmail(email) {
    const u = await findActiveUser(email);
    return u ? toAdapterUser(u) : null;
  },
  async getUserByAccount() {
    return null;
  },
  async updateUser(user) {
    const db = await getDatabase();
    const [u] = await db
      .update(users)
      .set({ emailVerifiedAt: user.emailVerified ?? new Date() })
      .where(eq(users.id, user.id))
      .returning({ id: users.id, email: users.email, name: users.name, emailVerifiedAt: users.emailVerifiedAt });
    if (!u) throw new Error("unknown user");
    return toAdapterUser(u);
  },
  async linkAccount() {
    throw new Error("Accounts are not linked");
  },
  async createVerificationToken(token) {
    const db = await getDatabase();
    await db.insert(verificationTokens).values(token);
    return token;
  },
  async useVerificationToken({ identifier, token }) {
    const db = await getDatabase();
    const [row] = await db
      .delete(verificationTokens)
      .where(and(eq(verificationTokens.identifier, identifier), eq(verificationTokens.token, token)))
      .returning();
    return row ?? null;
  },
};

/** Built per call so that the secret and URL are read after start-up has validated them. */
export function authOptions(): AuthOptions {
  const baseUrl = process.env.NEXTAUTH_URL;
  return {
    secret: process.env.NEXTAUTH_SECRET,
    // The JWT lives no longer than the absolute limit; the session row also enforces the idle limit.
    session: { strategy: "jwt", maxAge: sessionPolicy.absoluteSeconds },
    jwt: { maxAge: sessionPolicy.absoluteSeconds },
    useSecureCookies: cookieSecurity(baseUrl).secure,
    cookies: authCookies(baseUrl),
    adapter,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "password",
        name: "password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw) {
          const parsed = credentialsInput.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const db = await getDatabase();
          // After too many failures for this address, even the right password gets the generic
          // answer until the window ends (the per-client limit is in the route handler).
          if (!(await isLimited(db, limits.passwordFailuresPerAddress, email)).ok) {
            await verifyPassword(null, password);
            return null;
          }
          const u = await findActiveUser(email);
          const ok = await verifyPassword(u?.passwordHash, password);
          if (!u || !ok) {
            await consume(db, limits.passwordFailuresPerAddress, email);
            return null;
          }
          await reset(db, limits.passwordFailuresPerAddress, email);
          return { id: u.id, email: u.email, name: u.name };
        },
      }),
      EmailProvider({
        maxAge: 15 * 60,
        from: process.env.MAIL_FROM || "Planwerk <planwerk@localhost>",
        server: { jsonTransport: true },
        async sendVerificationRequest({ identifier, url }) {
          const u = await findActiveUser(identifier);
          if (!u) return;
          const db = await getDatabase();
          // Over the limit: the same answer as always, only no further mail.
          if (!(await consume(db, limits.signInLinksPerAddress, u.email)).ok) {
            log.warn("sign-in link not sent: limit per address reached");
            return;
          }
          await enqueueMail(db, signInMail({ to: u.email, url, locale: u.locale }));
        },
      }),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        if (account?.provider !== "email") return true;
        const u = await findActiveUser(user.email ?? "");
        // Unknown, deactivated or demo outside demo mode: byte for byte the answer of a sent
        // link (see verifyRequestUrl), and nothing is sent.
        if (!u) return email?.verificationRequest ? verifyRequestUrl() : false;
        return true;
      },
      async redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
      async jwt({ token, user, account }) {
        if (user) {
          const db = await getDatabase();
          await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, new Date())));
          const [row] = await db
            .insert(sessions)
            .values({ userId: user.id, method: account?.provider ?? "unknown", expiresAt: new Date(Date.now() + sessionPolicy.absoluteSeconds * 1000) })
            .returning({ id: sessions.id });
          return { uid: user.id, sid: row?.id };
        }
        return { uid: token.uid, sid: token.sid };
      },
      async session({ session, token }) {
        return { expires: session.expires, uid: token.uid, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.sid) return;
        const db = await getDatabase();
        await db.delete(sessions).where(eq(sessions.id, token.sid));
      },
    },
    logger: {
      error: (code, metadata) => log.error({ code, metadata }, "next-auth error"),
      warn: (code) => log.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
}
