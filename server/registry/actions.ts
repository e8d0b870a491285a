"use server";
import { and, count, eq, max, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { feedback, municipalities, organisations, stakeholderGroups, users, votes } from "@/db/schema";
import { defineAction } from "../actions/define";
import { ActionError } from "../actions/result";
import { groupInput, organisationDeleteInput, organisationInput } from "./inputs";

/** A stable key from a name ("Türkischer Elternverein" → "tuerkischer-elternverein"), made unique with a number. */
async function uniqueKey(tx: Tx, table: typeof stakeholderGroups | typeof organisations, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .replace(/ä/g, "ae")
      .replace(/ö/g, "oe")
      .replace(/ü/g, "ue")
      .replace(/ß/g, "ss")
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "eintrag";
  const rows = await tx.select({ key: table.key }).from(table).where(sql`${table.key} = ${base} or ${table.key} like ${`${base}-%`}`);
  const taken = new Set(rows.map((r) => r.key));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

const sameName = (column: typeof stakeholderGroups.nameDe | typeof organisations.name, value: string) => sql`lower(${column}) = ${value.toLowerCase()}`;

export const saveGroup = defineAction("group.save", {
  input: groupInput,
  resource: async () => null,
  run: async ({ tx, input }) => {
    const [clash] = await tx
      .select({ id: stakeholderGroups.id })
      .from(stakeholderGroups)
      .where(and(sameName(stakeholderGroups.nameDe, input.nameDe), input.id ? ne(stakeholderGroups.id, input.id) : undefined));
    if (clash) throw new ActionError("conflict", "invalid", { nameDe: "taken" });
    if (input.id) {
      const [row] = await tx.update(stakeholderGroups).set({ nameDe: input.nameDe, nameEn: input.nameEn }).where(eq(stakeholderGroups.id, input.id)).returning({ id: stakeholderGroups.id });
      if (!row) throw new ActionError("not_found");
      return { data: { id: row.id, created: false }, audit: { targetType: "group", targetId: row.id, data: { nameDe: input.nameDe } } };
    }
    const [last] = await tx.select({ n: max(stakeholderGroups.position) }).from(stakeholderGroups);
    const [row] = await tx
      .insert(stakeholderGroups)
      .values({ key: await uniqueKey(tx, stakeholderGroups, input.nameDe), nameDe: input.nameDe, nameEn: input.nameEn, position: (last?.n ?? 0) + 1 })
      .returning({ id: stakeholderGroups.id });
    return { data: { id: row!.id, created: true }, audit: { targetType: "group", targetId: row!.id, data: { nameDe: input.nameDe } } };
  },
  revalidate: ["/admin/registry", "/admin/users"],
});

export const saveOrganisation = defineAction("organisation.save", {
  input: organisationInput,
  resource: async () => null,
  run: async ({ tx, input }) => {
    const municipalityId = input.municipalityId ?? null;
    const [group] = await tx.select({ id: stakeholderGroups.id }).from(stakeholderGroups).where(eq(stakeholderGroups.id, input.groupId));
    if (!group) throw new ActionError("invalid", "invalid", { groupId: "unknown" });
    if (municipalityId) {
      const [place] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.id, municipalityId));
      if (!place) throw new ActionError("invalid", "invalid", { municipalityId: "unknown" });
    }
    const [clash] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(sameName(organisations.name, input.name), eq(organisations.groupId, input.groupId), input.id ? ne(organisations.id, input.id) : undefined));
    if (clash) throw new ActionError("conflict", "invalid", { name: "taken" });
    if (input.id) {
      const [current] = await tx.select({ groupId: organisations.groupId }).from(organisations).where(eq(organisations.id, input.id)).for("update");
      if (!current) throw new ActionError("not_found");
      if (current.groupId !== input.groupId) {
        // Its people would otherwise belong to an organisation outside their group.
        const [members] = await tx.select({ n: count() }).from(users).where(eq(users.organisationId, input.id));
        if (members && members.n > 0) throw new ActionError("conflict", "organisationMoveHasMembers", { groupId: "organisationMembers" });
      }
      await tx.update(organisations).set({ name: input.name, groupId: input.groupId, municipalityId }).where(eq(organisations.id, input.id));
      return { data: { id: input.id, created: false }, audit: { targetType: "organisation", targetId: input.id, data: { name: input.name } } };
    }
    const [row] = await tx
      .insert(organisations)
      .values({ key: await uniqueKey(tx, organisations, input.name), name: input.name, groupId: input.groupId, municipalityId })
      .returning({ id: organisations.id });
    return { data: { id: row!.id, created: true }, audit: { targetType: "organisation", targetId: row!.id, data: { name: input.name } } };
  },
  revalidate: ["/admin/registry", "/admin/users"],
});

/** Only an organisation nobody belongs to and no contribution or vote names may go. */
export const deleteOrganisation = defineAction("organisation.delete", {
  input: organisationDeleteInput,
  resource: async () => null,
  run: async ({ tx, input }) => {
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, input.id)).for("update");
    if (!org) throw new ActionError("not_found");
    const [[people], [contributions], [cast]] = await Promise.all([
      tx.select({ n: count() }).from(users).where(eq(users.organisationId, input.id)),
      tx.select({ n: count() }).from(feedback).where(eq(feedback.organisationId, input.id)),
      tx.select({ n: count() }).from(votes).where(eq(votes.organisationId, input.id)),
    ]);
    if ((people?.n ?? 0) > 0 || (contributions?.n ?? 0) > 0 || (cast?.n ?? 0) > 0) throw new ActionError("conflict", "organisationInUse");
    await tx.delete(organisations).where(eq(organisations.id, input.id));
    return { data: null, audit: { targetType: "organisation", targetId: input.id, data: { name: org.name } } };
  },
  revalidate: ["/admin/registry", "/admin/users"],
});
