import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { seed } from "@/db/seed";
import { demoUsers } from "@/db/seed/content";
import { countDemoAccounts, demoAccountsWarning, removeDemoAccounts } from "@/server/auth/demo-accounts";
import { authOptions, verifyRequestUrl } from "@/server/auth/options";
import { hashPassword } from "@/server/auth/password";
import { freshDatabase, type TestDatabase } from "./helpers/db";

let t: TestDatabase;
const g = globalThis as unknown as { __planwerkDb?: Promise<unknown> };

beforeAll(async () => {
  t = await freshDatabase();
  await seed(t.db, { demoUsers: true });
  // Server code reaches the database through getDatabase(): point it at this test's database.
  g.__planwerkDb = Promise.resolve({ db: t.db, driver: t.driver, close: async () => {}, migrate: async () => {}, ping: async () => {} });
  process.env.NEXTAUTH_URL = "http://localhost:3999";
  process.env.NEXTAUTH_SECRET = "x".repeat(40);
});
afterAll(async () => {
  g.__planwerkDb = undefined;
  await t?.close();
});
beforeEach(async () => {
  await t.db.delete(s.rateLimits).where(like(s.rateLimits.key, "%"));
  delete process.env.PLANWERK_DEMO;
});

type Options = { id: string; options: Record<string, (...args: unknown[]) => Promise<unknown>> & { id?: string } };
// next-auth keeps a provider's own settings (id, authorize, …) under `options` until it merges them.
const provider = (id: string) => (authOptions().providers as unknown as Options[]).find((p) => (p.options.id ?? p.id) === id)!;
const authorize = (email: string, password: string) => provider("password").options.authorize!({ email, password }, {}) as Promise<{ id: string } | null>;
const sendLink = (identifier: string) => provider("email").options.sendVerificationRequest!({ identifier, url: "http://localhost:3999/api/auth/callback/email?token=t" });

async function person(email: string, password = "a-good-password-1") {
  const [group] = await t.db.select({ id: s.stakeholderGroups.id }).from(s.stakeholderGroups).limit(1);
  await t.db.insert(s.users).values({ email, name: email, role: "stakeholder", groupId: group!.id, passwordHash: await hashPassword(password) });
  return { email, password };
}

const mailsTo = async (db: Db, to: string) => (await db.select().from(s.mailOutbox).where(eq(s.mailOutbox.toAddress, to))).length;

describe("password sign-in limits", () => {
  it("after five failures for an address refuses even the right password, and other addresses are unaffected", async () => {
    const p = await person("limited@test.example");
    const other = await person("other@test.example");
    expect(await authorize(p.email, p.password)).not.toBeNull();
    for (let i = 0; i < 5; i++) expect(await authorize(p.email, `wrong-${i}`)).toBeNull();
    expect(await authorize(p.email, p.password)).toBeNull();
    expect(await authorize(p.email.toUpperCase(), p.password)).toBeNull();
    expect(await authorize(other.email, other.password)).not.toBeNull();
    // When the window has passed, the right password works again.
    await t.db
      .update(s.rateLimits)
      .set({ windowStart: new Date(Date.now() - 61_000) })
      .where(like(s.rateLimits.key, "passwordFailuresPerAddress:%"));
    expect(await authorize(p.email, p.password)).not.toBeNull();
  });

  it("four failures and a success start the count afresh", async () => {
    const p = await person("reset@test.example");
    for (let i = 0; i < 4; i++) await authorize(p.email, "wrong");
    expect(await authorize(p.email, p.password)).not.toBeNull();
    for (let i = 0; i < 4; i++) await authorize(p.email, "wrong");
    expect(await authorize(p.email, p.password)).not.toBeNull();
  });
});

describe("sign-in links", () => {
  it("sends at most three mails per address in 15 minutes, then silently none", async () => {
    const p = await person("links@test.example");
    for (let i = 0; i < 5; i++) await sendLink(p.email);
    expect(await mailsTo(t.db, p.email)).toBe(3);
  });

  it("answers an unknown address with exactly the URL next-auth gives when it sends a mail", () => {
    expect(verifyRequestUrl("http://localhost:3999")).toBe("http://localhost:3999/api/auth/verify-request?provider=email&type=email");
    expect(verifyRequestUrl("https://planwerk.example/")).toBe("https://planwerk.example/api/auth/verify-request?provider=email&type=email");
  });
});

describe("demo accounts", () => {
  const demo = demoUsers[0]!;

  it("are marked as such by the seed", async () => {
    expect(await countDemoAccounts(t.db)).toBe(demoUsers.length);
    const [row] = await t.db.select({ isDemo: s.users.isDemo }).from(s.users).where(eq(s.users.email, demo.email));
    expect(row?.isDemo).toBe(true);
    expect(demoAccountsWarning(3)).toMatch(/3 demo accounts.*npm run db:remove-demo/);
  });

  it("sign in only in demo mode, by password and by link", async () => {
    const { demoPassword } = await import("@/db/seed/content");
    expect(await authorize(demo.email, demoPassword)).toBeNull();
    await sendLink(demo.email);
    expect(await mailsTo(t.db, demo.email)).toBe(0);
    process.env.PLANWERK_DEMO = "1";
    expect(await authorize(demo.email, demoPassword)).not.toBeNull();
  });

  it("are removed by the removal function (the officer who wrote plan text deactivated), other accounts stay", async () => {
    await person("stays@test.example");
    const { deleted, deactivated } = await removeDemoAccounts(t.db);
    expect(deleted.length + deactivated.length).toBe(demoUsers.length);
    expect(deactivated).toEqual(demoUsers.filter((u) => u.role === "officer").map((u) => u.email));
    expect(await countDemoAccounts(t.db)).toBe(0);
    const [officer] = await t.db.select({ active: s.users.active, passwordHash: s.users.passwordHash }).from(s.users).where(eq(s.users.email, deactivated[0]!));
    expect(officer).toEqual({ active: false, passwordHash: null });
    expect(await t.db.select().from(s.users).where(eq(s.users.email, "stays@test.example"))).toHaveLength(1);
  });
});
