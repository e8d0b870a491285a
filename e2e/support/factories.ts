import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { drizzle as drizzleProxy } from "drizzle-orm/pg-proxy";
import postgres from "postgres";
import type { Db } from "../../db/client";
import * as schema from "../../db/schema";
import { hashPassword } from "../../server/auth/password";

export type Role = "officer" | "council" | "stakeholder";
export type GroupKey = "kreistag" | "kommunen" | "institutionen" | "traeger" | "migrantenorganisationen" | "ehrenamt";

export const DEFAULT_PASSWORD = "e2e-password-123";

let client: { close: () => Promise<void>; db: Db } | undefined;

/**
 * The run's database, for arranging data and for assertions: PostgreSQL directly, or the embedded
 * database through the server's test control channel (only the server may open a PGlite folder).
 */
export function db(): Db {
  if (client) return client.db;
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const sql = postgres(url, { max: 2, connect_timeout: 10, idle_timeout: 20, onnotice: () => {} });
    client = { close: () => sql.end({ timeout: 5 }), db: drizzle(sql, { schema }) };
    return client.db;
  }
  const control = process.env.E2E_CONTROL_URL;
  if (!control) throw new Error("Neither E2E_DATABASE_URL nor E2E_CONTROL_URL is set: run the specs through playwright.config.ts");
  const proxy = drizzleProxy(
    async (query, params, method) => {
      const res = await fetch(control, {
        method: "POST",
        headers: { authorization: `Bearer ${process.env.E2E_CONTROL_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ sql: query, params, method }),
      });
      const body = (await res.json()) as unknown[] | { error: string };
      if (!res.ok || !Array.isArray(body)) throw new Error(`test control: ${(body as { error?: string }).error ?? res.status}`);
      return { rows: body };
    },
    { schema },
  );
  client = { close: async () => {}, db: proxy as unknown as Db };
  return client.db;
}

export async function closeDb(): Promise<void> {
  const c = client;
  client = undefined;
  await c?.close();
}

const defaultGroup: Record<Role, GroupKey> = { officer: "institutionen", council: "kreistag", stakeholder: "ehrenamt" };
const roleNames: Record<Role, string> = { officer: "Verwaltung", council: "Kreisrat", stakeholder: "Beteiligte" };

const passwordHashes = new Map<string, Promise<string>>();

export type CreatedUser = { id: string; email: string; password: string; name: string; role: Role };

/**
 * A new person with a unique address (`<role>-<random>@e2e.example`) and a password, inserted
 * directly. Group: `group`, else the organisation's, else one that fits the role.
 */
export async function createUser({
  role,
  group,
  organisationKey,
  password = DEFAULT_PASSWORD,
  active = true,
  name,
}: {
  role: Role;
  group?: GroupKey;
  organisationKey?: string;
  password?: string;
  active?: boolean;
  name?: string;
}): Promise<CreatedUser> {
  const random = crypto.randomBytes(5).toString("hex");
  const email = `${role}-${random}@e2e.example`;
  const fullName = name ?? `${roleNames[role]} ${random}`;

  let organisation: { id: string; groupId: string } | undefined;
  if (organisationKey) {
    [organisation] = await db()
      .select({ id: schema.organisations.id, groupId: schema.organisations.groupId })
      .from(schema.organisations)
      .where(eq(schema.organisations.key, organisationKey));
    if (!organisation) throw new Error(`createUser: no organisation with key "${organisationKey}"`);
  }
  let groupId = organisation?.groupId;
  if (group || !groupId) {
    const key = group ?? defaultGroup[role];
    const [row] = await db().select({ id: schema.stakeholderGroups.id }).from(schema.stakeholderGroups).where(eq(schema.stakeholderGroups.key, key));
    if (!row) throw new Error(`createUser: no stakeholder group "${key}" (is the database seeded?)`);
    groupId = row.id;
  }

  // Hashing costs ~50 ms and 19 MiB; most specs use the default password, so hash it once.
  if (!passwordHashes.has(password)) passwordHashes.set(password, hashPassword(password));
  const passwordHash = await passwordHashes.get(password)!;

  const [user] = await db()
    .insert(schema.users)
    .values({
      email,
      name: fullName,
      role,
      groupId,
      organisationId: organisation?.id ?? null,
      passwordHash,
      emailVerifiedAt: new Date(),
      active,
      deactivatedAt: active ? null : new Date(),
    })
    .returning({ id: schema.users.id });
  return { id: user!.id, email, password, name: fullName, role };
}

/**
 * A small edition of its own (one chapter, one section) in the given phase, with one revision
 * per entry of `revisions` (text and time), for specs that change phases or texts.
 */
export async function createEdition({
  phase,
  opensAt = null,
  closesAt = null,
  revisions,
  year = 2100 + Math.floor(Math.random() * 800),
}: {
  phase: (typeof schema.phaseEnum.enumValues)[number];
  opensAt?: Date | null;
  closesAt?: Date | null;
  revisions: { text: string; at: Date }[];
  year?: number;
}) {
  const key = crypto.randomBytes(4).toString("hex");
  const [edition] = await db()
    .insert(schema.editions)
    .values({ year, title: `Testausgabe ${year}-${key}`, phase, opensAt, closesAt })
    .returning({ id: schema.editions.id, title: schema.editions.title });
  const [chapter] = await db().insert(schema.chapters).values({ editionId: edition!.id, key: `kapitel-${key}`, position: 1, title: "Testkapitel" }).returning({ id: schema.chapters.id });
  const sectionKey = `abschnitt-${key}`;
  const [section] = await db()
    .insert(schema.sections)
    .values({ editionId: edition!.id, chapterId: chapter!.id, key: sectionKey, position: 1, title: "Testabschnitt" })
    .returning({ id: schema.sections.id });
  for (const [i, r] of revisions.entries()) {
    await db()
      .insert(schema.sectionRevisions)
      .values({ sectionId: section!.id, number: i + 1, blocks: [{ key: "p1", kind: "paragraph", html: `<p>${r.text}</p>` }], createdAt: r.at });
  }
  return { id: edition!.id, title: edition!.title, sectionKey, sectionId: section!.id, chapterKey: `kapitel-${key}` };
}
