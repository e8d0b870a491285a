import crypto from "node:crypto";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import type { Locale, NotificationFrequency, Phase, Role } from "@/db/schema/enums";

const hex = () => crypto.randomBytes(4).toString("hex");

/** A stakeholder group of its own (tests run on an empty, migrated database). */
export async function makeGroup(db: Db) {
  const key = `g-${hex()}`;
  const [g] = await db.insert(s.stakeholderGroups).values({ key, nameDe: `Gruppe ${key}`, nameEn: `Group ${key}`, position: 1 }).returning({ id: s.stakeholderGroups.id });
  return g!.id;
}

export async function makeUser(
  db: Db,
  o: { groupId: string; role?: Role; locale?: Locale; frequency?: NotificationFrequency; active?: boolean; createdAt?: Date; name?: string },
) {
  const key = hex();
  const [u] = await db
    .insert(s.users)
    .values({
      email: `u-${key}@test.example`,
      name: o.name ?? `Person ${key}`,
      role: o.role ?? "stakeholder",
      groupId: o.groupId,
      locale: o.locale ?? "de",
      notificationFrequency: o.frequency ?? "immediately",
      active: o.active ?? true,
      ...(o.createdAt ? { createdAt: o.createdAt } : {}),
    })
    .returning({ id: s.users.id, email: s.users.email });
  return u!;
}

/** An edition with one chapter and one section whose paragraphs are `paragraphs` (one revision). */
export async function makeEdition(db: Db, o: { phase?: Phase; opensAt?: Date | null; closesAt?: Date | null; paragraphs?: string[]; title?: string; revisionAt?: Date }) {
  const key = hex();
  const [e] = await db
    .insert(s.editions)
    .values({ year: 2100 + Math.floor(Math.random() * 800), title: o.title ?? `Ausgabe ${key}`, phase: o.phase ?? "consultation", opensAt: o.opensAt ?? null, closesAt: o.closesAt ?? null })
    .returning({ id: s.editions.id, title: s.editions.title });
  const [c] = await db.insert(s.chapters).values({ editionId: e!.id, key: `k-${key}`, position: 1, title: "Arbeit" }).returning({ id: s.chapters.id });
  const [sec] = await db
    .insert(s.sections)
    .values({ editionId: e!.id, chapterId: c!.id, key: `s-${key}`, position: 1, title: "Sozialer Wohnungsbau" })
    .returning({ id: s.sections.id, key: s.sections.key });
  const paragraphs = o.paragraphs ?? ["Ein Absatz."];
  const [rev] = await db
    .insert(s.sectionRevisions)
    .values({
      sectionId: sec!.id,
      number: 1,
      blocks: paragraphs.map((text, i) => ({ key: `p${i + 1}`, kind: "paragraph" as const, html: `<p>${text}</p>` })),
      ...(o.revisionAt ? { createdAt: o.revisionAt } : {}),
    })
    .returning({ id: s.sectionRevisions.id });
  return { id: e!.id, title: e!.title, chapterId: c!.id, sectionId: sec!.id, sectionKey: sec!.key, revisionId: rev!.id };
}

/** A comment on a section (or a reply, with parentId) as the comments domain writes it. */
export async function makeComment(db: Db, o: { editionId: string; authorId: string; groupId: string; sectionId?: string; proposalId?: string; parentId?: string; body: string }) {
  const [f] = await db.insert(s.feedback).values({ kind: "comment", editionId: o.editionId, authorId: o.authorId, groupId: o.groupId }).returning({ id: s.feedback.id });
  await db.insert(s.comments).values({ feedbackId: f!.id, sectionId: o.proposalId ? null : (o.sectionId ?? null), proposalId: o.proposalId ?? null, parentId: o.parentId ?? null, body: o.body });
  return f!.id;
}

export async function makeProposal(db: Db, o: { editionId: string; chapterId: string; authorId: string; groupId: string; title: string; description: string }) {
  const [f] = await db.insert(s.feedback).values({ kind: "proposal", editionId: o.editionId, authorId: o.authorId, groupId: o.groupId }).returning({ id: s.feedback.id });
  await db.insert(s.proposals).values({ feedbackId: f!.id, chapterId: o.chapterId, title: o.title, description: o.description });
  return f!.id;
}
