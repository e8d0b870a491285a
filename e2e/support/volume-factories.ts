import crypto from "node:crypto";
import { inArray } from "drizzle-orm";
import * as schema from "../../db/schema";
import { db, type GroupKey } from "./factories";

/**
 * Many rows at once (one INSERT per table), for the query-count spec: it grows what a page lists
 * and checks that the page still sends the same statements. Everything made here is remembered
 * and removed by cleanUpVolume() (the audit log, which refuses deletes, stays).
 */

const made = { editions: [] as string[], users: [] as string[], organisations: [] as string[], mails: [] as string[] };

export const tag = () => crypto.randomBytes(4).toString("hex");

let groups: Promise<Record<string, string>> | undefined;
/** Stakeholder group ids by key. */
export function groupIds(): Promise<Record<string, string>> {
  groups ??= db()
    .select({ id: schema.stakeholderGroups.id, key: schema.stakeholderGroups.key })
    .from(schema.stakeholderGroups)
    .then((rows) => Object.fromEntries(rows.map((r) => [r.key, r.id])));
  return groups;
}

const GROUP_KEYS: GroupKey[] = ["kreistag", "kommunen", "institutionen", "traeger", "migrantenorganisationen", "ehrenamt"];

export type Person = { id: string; groupId: string; organisationId: string | null };

/**
 * `n` people named `${prefix} NNN` spread over the six groups (or in `organisationId`'s group),
 * without a password. `invited`: each with an open invitation and its mail, as the officer's form
 * leaves them.
 */
export async function addPeople(n: number, { prefix, organisation, invited = false }: { prefix: string; organisation?: { id: string; groupId: string }; invited?: boolean }): Promise<Person[]> {
  const g = await groupIds();
  const t = tag();
  const rows = await db()
    .insert(schema.users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        email: `volume-${t}-${i}@e2e.example`,
        name: `${prefix} ${String(i).padStart(3, "0")}`,
        role: "stakeholder" as const,
        groupId: organisation?.groupId ?? g[GROUP_KEYS[i % GROUP_KEYS.length]!]!,
        organisationId: organisation?.id ?? null,
      })),
    )
    .returning({ id: schema.users.id, email: schema.users.email, groupId: schema.users.groupId, organisationId: schema.users.organisationId });
  made.users.push(...rows.map((r) => r.id));
  if (invited) {
    await db()
      .insert(schema.invitations)
      .values(rows.map((r) => ({ userId: r.id, tokenHash: crypto.randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 86_400_000) })));
    const mails = await db()
      .insert(schema.mailOutbox)
      .values(rows.map((r) => ({ kind: "invitation", toAddress: r.email, subject: "Einladung", textBody: "…", sentAt: new Date() })))
      .returning({ id: schema.mailOutbox.id });
    made.mails.push(...mails.map((m) => m.id));
  }
  return rows.map((r) => ({ id: r.id, groupId: r.groupId, organisationId: r.organisationId }));
}

/** `n` organisations named `${prefix} NNN`, spread over the six groups. */
export async function addOrganisations(n: number, { prefix }: { prefix: string }) {
  const g = await groupIds();
  const t = tag();
  const rows = await db()
    .insert(schema.organisations)
    .values(Array.from({ length: n }, (_, i) => ({ key: `volume-${t}-${i}`, name: `${prefix} ${String(i).padStart(3, "0")}`, groupId: g[GROUP_KEYS[i % GROUP_KEYS.length]!]! })))
    .returning({ id: schema.organisations.id, groupId: schema.organisations.groupId, name: schema.organisations.name });
  made.organisations.push(...rows.map((r) => r.id));
  return rows;
}

/** `n` editions titled `${prefix} NNN` in the phase (adopted ones with a council decision). */
export async function addEditions(n: number, { prefix, phase }: { prefix: string; phase: "adopted" | "draft" }) {
  const rows = await db()
    .insert(schema.editions)
    .values(Array.from({ length: n }, (_, i) => ({ year: 3000 + Math.floor(Math.random() * 5000), title: `${prefix} ${String(i).padStart(3, "0")}`, phase })))
    .returning({ id: schema.editions.id });
  made.editions.push(...rows.map((r) => r.id));
  if (phase === "adopted") {
    await db()
      .insert(schema.editionDecisions)
      .values(rows.map((r) => ({ editionId: r.id, decidedOn: "2026-03-01", outcome: "adopted" as const })));
  }
  return rows.map((r) => r.id);
}

/** An edition of its own: in consultation with an open window (a month left), or a draft. */
export async function volumeEdition(phase: "consultation" | "draft" = "consultation") {
  const now = Date.now();
  const t = tag();
  const [e] = await db()
    .insert(schema.editions)
    .values({
      year: 3000 + Math.floor(Math.random() * 5000),
      title: `Mengentest ${t}`,
      phase,
      opensAt: phase === "consultation" ? new Date(now - 86_400_000) : null,
      closesAt: phase === "consultation" ? new Date(now + 30 * 86_400_000) : null,
    })
    .returning({ id: schema.editions.id, title: schema.editions.title });
  made.editions.push(e!.id);
  return e!;
}

export const PARAGRAPH = "Integrationskurse finden in Göppingen und Geislingen statt. Wohnraum bleibt knapp, besonders in kleinen Gemeinden.";

/**
 * `chapterCount` chapters (from `firstPosition`) with `sectionsPerChapter` sections each, every
 * section with one revision of two paragraphs (p1, p2). Titles: `${prefix} K<c>` and `${prefix} A<c>.<s>`.
 */
export async function addChapters(editionId: string, { prefix, chapterCount, sectionsPerChapter, firstPosition = 1 }: { prefix: string; chapterCount: number; sectionsPerChapter: number; firstPosition?: number }) {
  const t = tag();
  const chapterRows = await db()
    .insert(schema.chapters)
    .values(Array.from({ length: chapterCount }, (_, c) => ({ editionId, key: `k-${t}-${c}`, position: firstPosition + c, title: `${prefix} K${c}` })))
    .returning({ id: schema.chapters.id, key: schema.chapters.key, title: schema.chapters.title });
  const sections = await addSections(editionId, chapterRows, { prefix, sectionsPerChapter });
  return { chapters: chapterRows, sections };
}

/** `sectionsPerChapter` more sections in each of the chapters, with one revision each. */
export async function addSections(editionId: string, chapterRows: { id: string }[], { prefix, sectionsPerChapter, firstPosition = 1 }: { prefix: string; sectionsPerChapter: number; firstPosition?: number }) {
  if (sectionsPerChapter === 0) return [];
  const t = tag();
  const sectionRows = await db()
    .insert(schema.sections)
    .values(
      chapterRows.flatMap((c, ci) =>
        Array.from({ length: sectionsPerChapter }, (_, s) => ({ editionId, chapterId: c.id, key: `a-${t}-${ci}-${s}`, position: firstPosition + s, title: `${prefix} A${ci}.${firstPosition + s}` })),
      ),
    )
    .returning({ id: schema.sections.id, key: schema.sections.key, title: schema.sections.title, chapterId: schema.sections.chapterId });
  const revisions = await db()
    .insert(schema.sectionRevisions)
    .values(
      sectionRows.map((s) => ({
        sectionId: s.id,
        number: 1,
        blocks: [
          { key: "p1", kind: "paragraph" as const, html: `<p>${PARAGRAPH}</p>` },
          { key: "p2", kind: "paragraph" as const, html: `<p>${s.title}: Sprachkurse im Betrieb.</p>` },
        ],
        createdAt: new Date(Date.now() - 86_400_000),
      })),
    )
    .returning({ id: schema.sectionRevisions.id, sectionId: schema.sectionRevisions.sectionId });
  return sectionRows.map((s) => ({ ...s, revisionId: revisions.find((r) => r.sectionId === s.id)!.id }));
}

/** `n` more revisions of a section (numbers from `firstNumber`), written by `authorId`. */
export async function addRevisions(sectionId: string, { n, firstNumber, authorId }: { n: number; firstNumber: number; authorId: string }) {
  await db()
    .insert(schema.sectionRevisions)
    .values(
      Array.from({ length: n }, (_, i) => ({
        sectionId,
        number: firstNumber + i,
        authorId,
        note: `Fassung ${firstNumber + i}`,
        blocks: [{ key: "p1", kind: "paragraph" as const, html: `<p>${PARAGRAPH} (${firstNumber + i})</p>` }],
        createdAt: new Date(Date.now() - (n - i) * 1000),
      })),
    );
}

async function addFeedback(kind: "comment" | "proposal", editionId: string, authors: Person[], n: number, newestFirstAt = Date.now()) {
  // Older than the newest by one second each, so "newest first" is the order written.
  return db()
    .insert(schema.feedback)
    .values(
      Array.from({ length: n }, (_, i) => {
        const a = authors[i % authors.length]!;
        return { kind, editionId, authorId: a.id, groupId: a.groupId, organisationId: a.organisationId, createdAt: new Date(newestFirstAt - i * 1000) };
      }),
    )
    .returning({ id: schema.feedback.id });
}

/**
 * `n` comments by the authors (in turn) on a section or a proposal, bodies `${prefix} NNN`; every
 * other one on a sentence of p1 (sections); `replies` of them get a reply each.
 */
export async function addComments({
  editionId,
  target,
  authors,
  n,
  prefix,
  replies = 0,
  newestAt = new Date(),
}: {
  editionId: string;
  target: { sectionId: string; revisionId: string } | { proposalId: string };
  authors: Person[];
  n: number;
  prefix: string;
  replies?: number;
  /** When the newest was written; the others one second apart before it. */
  newestAt?: Date;
}) {
  const fb = await addFeedback("comment", editionId, authors, n, newestAt.getTime());
  const quote = "Wohnraum bleibt knapp";
  const offset = PARAGRAPH.indexOf(quote);
  await db()
    .insert(schema.comments)
    .values(
      fb.map((f, i) => ({
        feedbackId: f.id,
        body: `${prefix} ${String(i).padStart(3, "0")} über Sprachkurse`,
        replyCount: i < replies ? 1 : 0,
        ...("sectionId" in target
          ? {
              sectionId: target.sectionId,
              ...(i % 2
                ? { paragraphKey: "p1", revisionId: target.revisionId, quote, quoteOffset: offset, quotePrefix: PARAGRAPH.slice(Math.max(0, offset - 32), offset), quoteSuffix: PARAGRAPH.slice(offset + quote.length, offset + quote.length + 32) }
                : {}),
            }
          : { proposalId: target.proposalId }),
      })),
    );
  if (replies > 0) {
    const rf = await addFeedback("comment", editionId, authors.slice(1).concat(authors.slice(0, 1)), replies, newestAt.getTime() + 500);
    await db()
      .insert(schema.comments)
      .values(rf.map((f, i) => ({ feedbackId: f.id, parentId: fb[i]!.id, body: `Antwort ${i}`, ...("sectionId" in target ? { sectionId: target.sectionId } : { proposalId: target.proposalId }) })));
  }
  return fb.map((f) => f.id);
}

/** `n` proposals by the authors (in turn), in the chapters (in turn), titled `${prefix} NNN`. */
export async function addProposals({ editionId, chapterIds, authors, n, prefix }: { editionId: string; chapterIds: string[]; authors: Person[]; n: number; prefix: string }) {
  const fb = await addFeedback("proposal", editionId, authors, n);
  await db()
    .insert(schema.proposals)
    .values(fb.map((f, i) => ({ feedbackId: f.id, chapterId: chapterIds[i % chapterIds.length]!, title: `${prefix} ${String(i).padStart(3, "0")}`, description: "Mehr Sprachkurse im Betrieb." })));
  return fb.map((f) => f.id);
}

const CHOICES = ["for", "against", "abstain"] as const;

/** One vote per voter on each proposal (choices in turn). */
export async function addVotes({ proposalIds, voters }: { proposalIds: string[]; voters: Person[] }) {
  const rows = proposalIds.flatMap((proposalId, p) => voters.map((v, i) => ({ proposalId, userId: v.id, groupId: v.groupId, organisationId: v.organisationId, choice: CHOICES[(i + p) % 3]! })));
  for (let i = 0; i < rows.length; i += 1000) await db().insert(schema.votes).values(rows.slice(i, i + 1000));
}

/**
 * `n` notifications for `userId` of every kind in turn, pointing at real editions, comments,
 * sections and proposals (the list renders them all from their ids).
 */
export async function addNotifications({
  userId,
  n,
  refs,
}: {
  userId: string;
  n: number;
  refs: { editionId: string; commentIds: string[]; replyIds: string[]; proposalIds: string[]; proposalCommentIds: string[] };
}) {
  const pick = <T,>(list: T[], i: number) => list[i % list.length]!;
  const events = Array.from({ length: n }, (_, i): { kind: string; data: Record<string, string> } => {
    switch (i % 4) {
      case 0:
        return { kind: "comment_reply", data: { editionId: refs.editionId, commentId: pick(refs.commentIds, i), replyId: pick(refs.replyIds, i) } };
      case 1:
        return { kind: "proposal_comment", data: { editionId: refs.editionId, proposalId: pick(refs.proposalIds, i), commentId: pick(refs.proposalCommentIds, i) } };
      case 2:
        return { kind: "consultation_opened", data: { editionId: refs.editionId } };
      default:
        return { kind: "consultation_last_week", data: { editionId: refs.editionId } };
    }
  });
  const now = Date.now();
  await db()
    .insert(schema.notifications)
    .values(events.map((e, i) => ({ userId, kind: e.kind, data: e.data, createdAt: new Date(now - (n - i) * 1000), emailedAt: new Date() })));
}

/** `n` mails already sent (the sender leaves them alone), subjects `${prefix} NNN`. */
export async function addSentMails(n: number, { prefix }: { prefix: string }) {
  const now = Date.now();
  const rows = await db()
    .insert(schema.mailOutbox)
    .values(Array.from({ length: n }, (_, i) => ({ kind: "notification", toAddress: `volume-${i}@e2e.example`, subject: `${prefix} ${String(i).padStart(3, "0")}`, textBody: "…", createdAt: new Date(now - (n - i) * 10), sentAt: new Date() })))
    .returning({ id: schema.mailOutbox.id });
  made.mails.push(...rows.map((r) => r.id));
}

/**
 * `n` audit entries by the actors (in turn), newest last, over every kind of target the log page
 * names (people, editions, sections, chapters, proposals, groups, organisations, comments).
 */
export async function addAuditEntries(n: number, { actors, targets }: { actors: string[]; targets: { type: string; id: string }[] }) {
  const now = Date.now();
  await db()
    .insert(schema.auditLog)
    .values(
      Array.from({ length: n }, (_, i) => {
        const target = targets[i % targets.length]!;
        return { at: new Date(now - (n - i) * 10), actorId: actors[i % actors.length]!, action: `volume.${target.type}`, targetType: target.type, targetId: target.id };
      }),
    );
}

/** Removes what this module made (editions with everything in them first, then people, organisations, mails). */
export async function cleanUpVolume(extraUsers: string[] = []) {
  const editions = made.editions.splice(0);
  const users = [...made.users.splice(0), ...extraUsers];
  const organisations = made.organisations.splice(0);
  const mails = made.mails.splice(0);
  for (let i = 0; i < editions.length; i += 500) await db().delete(schema.editions).where(inArray(schema.editions.id, editions.slice(i, i + 500)));
  if (users.length) {
    // Their contributions elsewhere (votes, feedback) went with the editions above.
    for (let i = 0; i < users.length; i += 500) await db().delete(schema.users).where(inArray(schema.users.id, users.slice(i, i + 500)));
  }
  if (organisations.length) await db().delete(schema.organisations).where(inArray(schema.organisations.id, organisations));
  for (let i = 0; i < mails.length; i += 500) await db().delete(schema.mailOutbox).where(inArray(schema.mailOutbox.id, mails.slice(i, i + 500)));
}
