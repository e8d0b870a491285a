import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import * as schema from "../../db/schema";
import { createUser, db, type GroupKey } from "./factories";

/** The seeded edition in consultation (the sample draft). */
export async function consultationEdition() {
  const [e] = await db().select({ id: schema.editions.id }).from(schema.editions).where(eq(schema.editions.year, 2027));
  if (!e) throw new Error("no seeded 2027 edition");
  return e.id;
}

/** A chapter of the edition: by key, or its first. */
export async function chapterOf(editionId: string, key?: string) {
  const [c] = await db()
    .select({ id: schema.chapters.id, key: schema.chapters.key, title: schema.chapters.title })
    .from(schema.chapters)
    .where(and(eq(schema.chapters.editionId, editionId), key ? eq(schema.chapters.key, key) : undefined))
    .orderBy(asc(schema.chapters.position))
    .limit(1);
  if (!c) throw new Error(`no chapter ${key ?? ""} in ${editionId}`);
  return c;
}

/** One of the seeded workshop proposals of the edition in consultation (for pages that only need one to exist). */
export async function seededProposalUrl() {
  const editionId = await consultationEdition();
  const [p] = await db()
    .select({ id: schema.proposals.feedbackId })
    .from(schema.proposals)
    .innerJoin(schema.feedback, eq(schema.feedback.id, schema.proposals.feedbackId))
    .where(eq(schema.feedback.editionId, editionId))
    .orderBy(asc(schema.proposals.title))
    .limit(1);
  return `/editions/${editionId}/proposals/${p!.id}`;
}

/**
 * A proposal written by `authorId` (with the author's group and organisation as they are), in the
 * given chapter, directly in the database. `withdrawn` marks it withdrawn.
 */
export async function createProposal({
  authorId,
  chapterId,
  editionId,
  title = `Vorschlag ${crypto.randomBytes(3).toString("hex")}`,
  description = "Eine Beschreibung der Maßnahme.",
  withdrawn = false,
}: {
  authorId: string;
  chapterId: string;
  editionId: string;
  title?: string;
  description?: string;
  withdrawn?: boolean;
}) {
  const [author] = await db()
    .select({ groupId: schema.users.groupId, organisationId: schema.users.organisationId, municipalityId: schema.users.municipalityId })
    .from(schema.users)
    .where(eq(schema.users.id, authorId));
  const [fb] = await db()
    .insert(schema.feedback)
    .values({ kind: "proposal", editionId, authorId, groupId: author!.groupId, organisationId: author!.organisationId, municipalityId: author!.municipalityId })
    .returning({ id: schema.feedback.id });
  await db()
    .insert(schema.proposals)
    .values({ feedbackId: fb!.id, chapterId, title, description, withdrawnAt: withdrawn ? new Date() : null });
  return { id: fb!.id, title, url: `/editions/${editionId}/proposals/${fb!.id}` };
}

/** `count` new people of a group who each voted `choice` on the proposal (inserted directly). */
export async function seedVotes({ proposalId, group, count, choice }: { proposalId: string; group: GroupKey; count: number; choice: "for" | "against" | "abstain" }) {
  for (let i = 0; i < count; i++) {
    const u = await createUser({ role: "stakeholder", group });
    const [row] = await db().select({ groupId: schema.users.groupId }).from(schema.users).where(eq(schema.users.id, u.id));
    await db().insert(schema.votes).values({ proposalId, userId: u.id, choice, groupId: row!.groupId });
  }
}

/** An edition of its own in consultation with a chapter (and optionally a window), for specs that close windows or change phases. */
export async function participationEdition({ phase = "consultation", opensAt = new Date(Date.now() - 86_400_000), closesAt = new Date(Date.now() + 86_400_000) }: { phase?: (typeof schema.phaseEnum.enumValues)[number]; opensAt?: Date | null; closesAt?: Date | null } = {}) {
  const key = crypto.randomBytes(4).toString("hex");
  const [edition] = await db()
    .insert(schema.editions)
    .values({ year: 2100 + Math.floor(Math.random() * 800), title: `Beteiligung ${key}`, phase, opensAt, closesAt })
    .returning({ id: schema.editions.id });
  const [chapter] = await db().insert(schema.chapters).values({ editionId: edition!.id, key: `kapitel-${key}`, position: 1, title: "Arbeit" }).returning({ id: schema.chapters.id });
  return { editionId: edition!.id, chapterId: chapter!.id, chapterKey: `kapitel-${key}` };
}

/** A vote by an existing person, with their group as it is (inserted directly). */
export async function voteAs({ proposalId, userId, choice }: { proposalId: string; userId: string; choice: "for" | "against" | "abstain" }) {
  const [row] = await db().select({ groupId: schema.users.groupId }).from(schema.users).where(eq(schema.users.id, userId));
  await db().insert(schema.votes).values({ proposalId, userId, choice, groupId: row!.groupId });
}
