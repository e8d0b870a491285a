import { count } from "drizzle-orm";
import type { Db, Tx } from "../client";
import * as s from "../schema";
import type { Block } from "../schema";
import { hashPassword } from "../../server/auth/password";
import {
  chapters2011,
  chapters2022,
  demoPassword,
  demoUsers,
  municipalities,
  organisations,
  stakeholderGroups,
  type GroupKey,
  type SeedBlock,
} from "./content";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
export const DRAFT_YEAR = 2027;

export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(s.editions);
  return (row?.n ?? 0) > 0;
}

const toBlocks = (blocks: SeedBlock[]): Block[] => blocks.map((b) => ({ key: b.key, kind: b.kind, html: b.html }));

/**
 * Seeds the reference data and the sample plan (editions 2011, 2022 and the draft of the next one,
 * open for consultation from now − 7 days to now + 42 days). Demo accounts only when asked.
 * Runs in one transaction: a failed seed leaves an empty database, so the next start seeds again.
 */
export async function seed(db: Db, options: { demoUsers: boolean; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const passwordHash = options.demoUsers ? await hashPassword(demoPassword) : null;
  await db.transaction(async (tx) => {
    const groupRows = await tx
      .insert(s.stakeholderGroups)
      .values(stakeholderGroups.map((g, i) => ({ key: g.key, nameDe: g.nameDe, nameEn: g.nameEn, position: i + 1 })))
      .returning({ id: s.stakeholderGroups.id, key: s.stakeholderGroups.key });
    const groupId = (key: GroupKey) => must(groupRows.find((g) => g.key === key)?.id, key);

    const municipalityRows = await tx
      .insert(s.municipalities)
      .values(municipalities.map((name) => ({ name })))
      .returning({ id: s.municipalities.id, name: s.municipalities.name });
    const municipalityId = (name?: string) => (name ? must(municipalityRows.find((m) => m.name === name)?.id, name) : null);

    const orgRows = await tx
      .insert(s.organisations)
      .values(
        organisations.map((o) => ({ key: o.key, name: o.name, groupId: groupId(o.group), municipalityId: municipalityId(o.municipality) })),
      )
      .returning({ id: s.organisations.id, key: s.organisations.key, groupId: s.organisations.groupId });

    let officerId: string | null = null;
    if (options.demoUsers && passwordHash) {
      const rows = await tx
        .insert(s.users)
        .values(
          demoUsers.map((u) => ({
            email: u.email,
            name: u.name,
            role: u.role,
            groupId: groupId(u.group),
            organisationId: u.organisation ? must(orgRows.find((o) => o.key === u.organisation)?.id, u.organisation) : null,
            municipalityId: municipalityId(u.municipality),
            displayMode: u.displayMode,
            passwordHash,
            emailVerifiedAt: now,
            // Their password is public: outside demo mode they cannot sign in (server/auth/options.ts).
            isDemo: true,
          })),
        )
        .returning({ id: s.users.id, role: s.users.role });
      officerId = rows.find((r) => r.role === "officer")?.id ?? null;
    }

    // Edition 2011: five fields of action, superseded by 2022.
    const [e2011] = await tx
      .insert(s.editions)
      .values({ year: 2011, title: "Integrationsplan Landkreis Göppingen 2011", phase: "superseded", isSample: true, publishedAt: new Date("2011-06-01T10:00:00Z") })
      .returning({ id: s.editions.id });
    const ed2011 = must(e2011?.id, "2011");
    await tx.insert(s.editionDecisions).values({ editionId: ed2011, decidedOn: "2011-05-27", outcome: "adopted" });
    for (const [ci, ch] of chapters2011.entries()) {
      const chapterId = await insertChapter(tx, ed2011, ch.key, ci + 1, ch.title, ch.intro);
      for (const [si, sec] of ch.sections.entries()) {
        const sectionId = await insertSection(tx, ed2011, chapterId, sec.key, si + 1, sec.title);
        await tx.insert(s.sectionRevisions).values({ sectionId, number: 1, blocks: toBlocks(sec.blocks), createdAt: new Date("2011-05-27T10:00:00Z") });
      }
    }

    // Edition 2022: seven chapters, adopted.
    const [e2022] = await tx
      .insert(s.editions)
      .values({ year: 2022, title: "Integrationsplan Landkreis Göppingen 2022", phase: "adopted", predecessorId: ed2011, isSample: true, publishedAt: new Date("2022-08-01T10:00:00Z") })
      .returning({ id: s.editions.id });
    const ed2022 = must(e2022?.id, "2022");
    await tx.insert(s.editionDecisions).values({ editionId: ed2022, decidedOn: "2022-07-15", outcome: "adopted" });

    // The next edition: a copy of 2022 (same keys) with revised text, in consultation.
    const [eNext] = await tx
      .insert(s.editions)
      .values({
        year: DRAFT_YEAR,
        title: `Integrationsplan Landkreis Göppingen ${DRAFT_YEAR}`,
        phase: "consultation",
        predecessorId: ed2022,
        isSample: true,
        // A real window starts and ends on the full hour (a minute-precise "10:37" reads like a bug).
        opensAt: new Date(Math.floor(now.getTime() / HOUR) * HOUR - 7 * DAY),
        closesAt: new Date(Math.floor(now.getTime() / HOUR) * HOUR + 42 * DAY),
      })
      .returning({ id: s.editions.id });
    const edNext = must(eNext?.id, "next");

    const groupsInTurn = stakeholderGroups.map((g) => g.key).filter((k) => k !== "kreistag");
    let proposalCounter = 0;
    for (const [ci, ch] of chapters2022.entries()) {
      const chapter2022 = await insertChapter(tx, ed2022, ch.key, ci + 1, ch.title, ch.intro);
      const chapterNext = await insertChapter(tx, edNext, ch.key, ci + 1, ch.title, ch.intro);
      for (const [si, sec] of ch.sections.entries()) {
        const s2022 = await insertSection(tx, ed2022, chapter2022, sec.key, si + 1, sec.title);
        await tx.insert(s.sectionRevisions).values({ sectionId: s2022, number: 1, blocks: toBlocks(sec.blocks), createdAt: new Date("2022-07-15T10:00:00Z") });
        const sNext = await insertSection(tx, edNext, chapterNext, sec.key, si + 1, sec.title);
        await tx.insert(s.sectionRevisions).values({
          sectionId: sNext,
          number: 1,
          blocks: toBlocks(sec.blocks),
          note: "Übernommen aus der Ausgabe 2022",
          createdAt: new Date(now.getTime() - 10 * DAY),
        });
        if (sec.draftBlocks) {
          await tx.insert(s.sectionRevisions).values({
            sectionId: sNext,
            number: 2,
            blocks: toBlocks(sec.draftBlocks),
            authorId: officerId,
            note: "Überarbeiteter Entwurf",
            createdAt: new Date(now.getTime() - 8 * DAY),
          });
        }
      }
      for (const [mi, m] of ch.measures.entries()) {
        await tx.insert(s.measures).values({
          editionId: ed2022,
          chapterId: chapter2022,
          key: `${ch.key}-m${mi + 1}`,
          title: m.title,
          responsibleActor: m.responsibleActor,
          timeline: m.timeline,
          status: m.status,
          position: mi + 1,
        });
      }
      // Sample proposals, recorded as workshop input so they need no accounts.
      for (const p of ch.proposals) {
        const groupKey = must(groupsInTurn[proposalCounter % groupsInTurn.length], "group");
        proposalCounter++;
        const org = orgRows.find((o) => o.groupId === groupId(groupKey));
        const [fb] = await tx
          .insert(s.feedback)
          .values({
            kind: "proposal",
            editionId: edNext,
            groupId: groupId(groupKey),
            organisationId: org?.id ?? null,
            source: "workshop",
            receivedAt: new Date(now.getTime() - 6 * DAY),
          })
          .returning({ id: s.feedback.id });
        await tx.insert(s.proposals).values({
          feedbackId: must(fb?.id, "feedback"),
          chapterId: chapterNext,
          title: p.title,
          description: p.description,
          responsibleActor: p.responsibleActor ?? null,
        });
      }
    }
    await tx.insert(s.auditLog).values({ action: "seed", targetType: "database", data: { demoUsers: options.demoUsers } });
  });
}

async function insertChapter(tx: Tx, editionId: string, key: string, position: number, title: string, intro: string) {
  const [row] = await tx.insert(s.chapters).values({ editionId, key, position, title, intro }).returning({ id: s.chapters.id });
  return must(row?.id, key);
}

async function insertSection(tx: Tx, editionId: string, chapterId: string, key: string, position: number, title: string) {
  const [row] = await tx.insert(s.sections).values({ editionId, chapterId, key, position, title }).returning({ id: s.sections.id });
  return must(row?.id, key);
}

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`seed: missing ${what}`);
  return value;
}
