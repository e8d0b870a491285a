import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import * as schema from "../../db/schema";
import { createInvitation } from "../../server/users/invitations";
import { db, type GroupKey } from "./factories";

/**
 * A person invited but not yet accepted (no password), with an open invitation and its mail in
 * the outbox, as the officer's form leaves them. Returns the link's token too.
 */
export async function createInvitedPerson({ group = "ehrenamt", name }: { group?: GroupKey; name?: string } = {}) {
  const random = crypto.randomBytes(5).toString("hex");
  const [g] = await db().select({ id: schema.stakeholderGroups.id }).from(schema.stakeholderGroups).where(eq(schema.stakeholderGroups.key, group));
  if (!g) throw new Error(`createInvitedPerson: no group "${group}"`);
  const email = `invited-${random}@e2e.example`;
  const fullName = name ?? `Eingeladen ${random}`;
  const { userId, url } = await createInvitation(db(), { email, name: fullName, role: "stakeholder", groupId: g.id, invitedBy: null, baseUrl: process.env.E2E_BASE_URL ?? "" });
  return { id: userId, email, name: fullName, token: url.split("/").at(-1)! };
}

/** An organisation of its own in the given group, with no members. */
export async function createOrganisation({ group = "traeger", name }: { group?: GroupKey; name?: string } = {}) {
  const random = crypto.randomBytes(5).toString("hex");
  const [g] = await db().select({ id: schema.stakeholderGroups.id }).from(schema.stakeholderGroups).where(eq(schema.stakeholderGroups.key, group));
  const [org] = await db()
    .insert(schema.organisations)
    .values({ key: `e2e-${random}`, name: name ?? `Verein ${random}`, groupId: g!.id })
    .returning({ id: schema.organisations.id, key: schema.organisations.key, name: schema.organisations.name });
  return org!;
}

/** A CSV as German Excel saves it: semicolons, CRLF, Windows-1252 (Latin-1 letters only). */
export function germanExcelCsv(rows: string[][]): Buffer {
  return Buffer.from(rows.map((r) => r.join(";")).join("\r\n") + "\r\n", "latin1");
}
