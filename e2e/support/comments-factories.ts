import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import * as schema from "../../db/schema";
import { createEdition, db } from "./factories";

const DAY = 86_400_000;

export const SECTION_TEXT = [
  "Der Landkreis fördert den Bau von Sozialwohnungen in allen Gemeinden. Wohnraum für Geflüchtete bleibt knapp, besonders in kleinen Gemeinden. Die Wohnraumbörse vermittelt freie Wohnungen.",
  "Integrationskurse finden in Göppingen und Geislingen statt. Die Kinderbetreuung während der Kurse wird ausgebaut.",
];

/**
 * An edition of its own in the given situation, whose section has two paragraphs (p1, p2) of
 * several sentences each: open (a month left), closed yesterday, or a draft.
 */
export async function commentsEdition(kind: "open" | "closed" | "draft" = "open") {
  const now = Date.now();
  const window =
    kind === "open"
      ? { phase: "consultation" as const, opensAt: new Date(now - DAY), closesAt: new Date(now + 30 * DAY) }
      : kind === "closed"
        ? { phase: "consultation" as const, opensAt: new Date(now - 10 * DAY), closesAt: new Date(now - DAY) }
        : { phase: "draft" as const, opensAt: null, closesAt: null };
  const e = await createEdition({ ...window, revisions: [{ text: SECTION_TEXT[0]!, at: new Date(now - 3 * DAY) }] });
  const [revision] = await db()
    .insert(schema.sectionRevisions)
    .values({
      sectionId: e.sectionId,
      number: 2,
      blocks: SECTION_TEXT.map((text, i) => ({ key: `p${i + 1}`, kind: "paragraph" as const, html: `<p>${text}</p>` })),
      createdAt: new Date(now - 2 * DAY),
    })
    .returning({ id: schema.sectionRevisions.id });
  return { ...e, revisionId: revision!.id, path: `/editions/${e.id}/sections/${e.sectionKey}` };
}

/** A comment written directly (as the comments domain writes it), optionally on a quote of p1. */
export async function createComment({
  editionId,
  sectionId,
  authorId,
  parentId = null,
  body,
  quote,
  revisionId = null,
}: {
  editionId: string;
  sectionId: string;
  authorId: string;
  parentId?: string | null;
  body: string;
  quote?: string;
  revisionId?: string | null;
}) {
  const [author] = await db()
    .select({ groupId: schema.users.groupId, organisationId: schema.users.organisationId, municipalityId: schema.users.municipalityId })
    .from(schema.users)
    .where(eq(schema.users.id, authorId));
  const [fb] = await db()
    .insert(schema.feedback)
    .values({ kind: "comment", editionId, authorId, ...author!, idempotencyKey: crypto.randomUUID() })
    .returning({ id: schema.feedback.id });
  const text = SECTION_TEXT[0]!;
  const offset = quote ? text.indexOf(quote) : -1;
  await db()
    .insert(schema.comments)
    .values({
      feedbackId: fb!.id,
      sectionId,
      parentId,
      body,
      ...(quote && offset >= 0
        ? { paragraphKey: "p1", revisionId, quote, quoteOffset: offset, quotePrefix: text.slice(Math.max(0, offset - 32), offset), quoteSuffix: text.slice(offset + quote.length, offset + quote.length + 32) }
        : {}),
    });
  if (parentId) {
    await db()
      .update(schema.comments)
      .set({ replyCount: 1 })
      .where(eq(schema.comments.feedbackId, parentId));
  }
  return fb!.id;
}
