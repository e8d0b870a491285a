import { and, eq, lt } from "drizzle-orm";
import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { sessions, users, verificationTokens } from "@/db/schema";
import { log } from "../log";
import { enqueueMail } from "../mail/outbox";
import { emailIs } from "../users/email";
import { signInMail } from "../mail/templates";
import { verifyPassword } from "./password";

const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
const credentialsInput = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1024) });

async function findActiveUser(email: string) {
  const db = await getDatabase();
  const [u] = await db
    .select({ id: users.id, email: users.email, name: users.name, emailVerifiedAt: users.emailVerifiedAt, passwordHash: users.passwordHash, locale: users.locale })
    .from(users)
    .where(and(emailIs(email), eq(users.active, true)))
    .limit(1);
  return u ?? null;
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
    const [u] = await db.select({ id: users.id, email: users.email, name: users.name, emailVerifiedAt: users.emailVerifiedAt }).from(users).where(and(eq(users.id, id), eq(users.active, true)));
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
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
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
          const u = await findActiveUser(parsed.data.email);
          const ok = await verifyPassword(u?.passwordHash, parsed.data.password);
          return u && ok ? { id: u.id, email: u.email, name: u.name } : null;
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
          await enqueueMail(db, signInMail({ to: u.email, url, locale: u.locale }));
        },
      }),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        if (account?.provider !== "email") return true;
        const u = await findActiveUser(user.email ?? "");
        // Unknown or deactivated: the same "check your mail" page, and nothing is sent.
        if (!u) return email?.verificationRequest ? "/signin/check-email" : false;
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          const db = await getDatabase();
          await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, new Date())));
          const [row] = await db
            .insert(sessions)
            .values({ userId: user.id, method: account?.provider ?? "unknown", expiresAt: new Date(Date.now() + SESSION_MAX_AGE * 1000) })
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
