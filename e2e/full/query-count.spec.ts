import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import * as schema from "../../db/schema";
import { expect, test, type Browser } from "../support/fixtures";
import { signedIn, type Role } from "../support/actors";
import { db, type CreatedUser } from "../support/factories";
import { builtPageRoutes, routeVisits, type Audience } from "../support/routes";
import {
  addAuditEntries,
  addChapters,
  addComments,
  addEditions,
  addNotifications,
  addOrganisations,
  addPeople,
  addProposals,
  addRevisions,
  addSections,
  addSentMails,
  addVotes,
  cleanUpVolume,
  groupIds,
  tag,
  volumeEdition,
  type Person,
} from "../support/volume-factories";

/**
 * Statements per request stay constant as the data grows: every page route of the build is
 * requested through real HTTP with the header `x-planwerk-query-probe`, the server's test-only
 * probe (server/testing/query-probe.ts) counts the SQL statements that request sent, then what the
 * page lists grows by about GROWTH rows and the page is requested again. The count must be the same
 * (no N+1) and within the route's budget (so an added query fails too, until the budget says so).
 *
 * Each measurement is preceded by a warm-up request (a cache filled by the first request after a
 * change would otherwise count once), with the session's last_seen_at set just before, so neither
 * request writes it (it is written at most once a minute); and each is taken twice, which must agree.
 * The first request after the data changed fills the caches (the section page's text, outline and
 * thread): its count ("cold") is recorded too and must not grow with the data either — after
 * growth it refills no more than the first request of all did.
 */

const GROWTH = 200;
const PROBE_HEADER = "x-planwerk-query-probe";

type Ready = {
  url: string;
  /** Text the page shows of the data before growth. */
  shows?: string[];
  /** Adds the rows; returns text the page shows of them. */
  grow?: () => Promise<string[]>;
};
/**
 * `budget`: the most statements one request may send, per audience that asks (the first also
 * arranges the data and sees what grew; the others check the same page as they see it).
 */
type Case = { budget: Partial<Record<Audience, number>>; status?: number; prepare: (me: Me) => Promise<Ready> };
type Me = { user: CreatedUser; person: Person } | null;

const messages = JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", "de.json"), "utf8")) as Record<string, Record<string, string>>;
const ERROR_HEADINGS = [messages.serverError!.title, messages.notFound!.title];

const actors = new Map<Role, Promise<{ user: CreatedUser; person: Person; storageState: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>> }>>();
/** One person per role for this spec (its own: the notifications and contributions cases add to theirs). */
function actor(browser: Browser, role: Role) {
  let a = actors.get(role);
  if (!a) {
    a = (async () => {
      const { user, context } = await signedIn(browser, role);
      const storageState = await context.storageState();
      await context.close();
      const [row] = await db().select({ groupId: schema.users.groupId, organisationId: schema.users.organisationId }).from(schema.users).where(eq(schema.users.id, user.id));
      return { user, person: { id: user.id, ...row! }, storageState };
    })();
    actors.set(role, a);
  }
  return a;
}

async function statementsOf(id: string): Promise<number> {
  const res = await fetch(`${process.env.E2E_BASE_URL}/api/testing/query-probe?id=${id}`, { headers: { authorization: `Bearer ${process.env.E2E_QUERY_PROBE_TOKEN}` } });
  expect(res.status, "the query probe answers (PLANWERK_QUERY_PROBE=1 on the server)").toBe(200);
  return ((await res.json()) as { statements: number }).statements;
}

type Measured = { status: number; html: string; statements: number; cold: number };

function h1Of(html: string): string | null {
  const m = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return m ? m[1]!.replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim() : null;
}

/** HTML text as a reader sees it (tags out, entities of the usual five back). */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

const results: { route: string; audience: Audience; before: number; after: number; coldBefore: number; coldAfter: number; budget: number; grown: boolean }[] = [];

const g = (n: number) => String(n).padStart(3, "0");

/** A little of everything a page can list, in an edition of its own. */
async function smallEdition({ chapters = 1, sections = 1 } = {}) {
  const edition = await volumeEdition();
  const prefix = `Basis ${tag()}`;
  const outline = await addChapters(edition.id, { prefix, chapterCount: chapters, sectionsPerChapter: sections });
  const authors = await addPeople(6, { prefix: `Autorin ${tag()}` });
  return { edition, prefix, outline, authors, section: outline.sections[0]!, chapter: outline.chapters[0]! };
}

/** Before anything grow() writes, so "oldest first" keeps the first comments on the first page. */
const anHourAgo = () => new Date(Date.now() - 3_600_000);

const staticPage = (url: string): Case["prepare"] => async () => ({ url });

/** One case per page route: who asks, how its data grows, and the most statements it may send. */
const cases: Record<string, Case> = {
  "/": {
    budget: { stakeholder: 3, public: 2 },
    prepare: async () => ({
      url: "/",
      grow: async () => {
        const prefix = `Ausgabe ${tag()}`;
        await addEditions(GROWTH, { prefix, phase: "adopted" });
        return [`${prefix} 000`, `${prefix} ${g(GROWTH - 1)}`];
      },
    }),
  },
  "/signin": { budget: { public: 0 }, prepare: staticPage("/signin") },
  "/signin/check-email": { budget: { public: 0 }, prepare: staticPage("/signin/check-email") },
  "/invitation/[token]": { budget: { public: 1 }, prepare: async () => ({ url: await routeVisits["/invitation/[token]"]!.url() }) },
  "/account": { budget: { stakeholder: 3 }, prepare: staticPage("/account") },
  "/admin/users": {
    budget: { officer: 6 },
    prepare: async () => ({
      url: "/admin/users",
      grow: async () => {
        // Names sort first, so the first page shows them; each with an open invitation and its mail.
        const prefix = `AAA Person ${tag()}`;
        await addPeople(GROWTH, { prefix, invited: true });
        const orgPrefix = `Verein ${tag()}`;
        await addOrganisations(GROWTH / 4, { prefix: orgPrefix });
        return [`${prefix} 000`, `${orgPrefix} ${g(GROWTH / 4 - 1)}`];
      },
    }),
  },
  "/admin/editions": {
    budget: { officer: 3 },
    prepare: async () => ({
      url: "/admin/editions",
      grow: async () => {
        const prefix = `Entwurf ${tag()}`;
        await addEditions(GROWTH, { prefix, phase: "draft" });
        return [`${prefix} 000`, `${prefix} ${g(GROWTH - 1)}`];
      },
    }),
  },
  "/admin/editions/[editionId]": {
    budget: { officer: 8 },
    prepare: async () => {
      const edition = await volumeEdition("draft");
      const prefix = `Gliederung ${tag()}`;
      const first = await addChapters(edition.id, { prefix, chapterCount: 1, sectionsPerChapter: 1 });
      const authors = await addPeople(6, { prefix: `Autorin ${tag()}` });
      await addComments({ editionId: edition.id, target: { sectionId: first.sections[0]!.id, revisionId: first.sections[0]!.revisionId }, authors, n: 2, prefix: "Kommentar" });
      return {
        url: `/admin/editions/${edition.id}`,
        shows: [`${prefix} K0`],
        grow: async () => {
          const more = `Mehr ${tag()}`;
          const added = await addChapters(edition.id, { prefix: more, chapterCount: GROWTH / 4, sectionsPerChapter: 4, firstPosition: 2 });
          for (const s of added.sections.slice(0, 4)) await addComments({ editionId: edition.id, target: { sectionId: s.id, revisionId: s.revisionId }, authors, n: GROWTH / 4, prefix: "Kommentar" });
          return [`${more} K${GROWTH / 4 - 1}`, `${more} A${GROWTH / 4 - 1}.4`];
        },
      };
    },
  },
  "/admin/editions/[editionId]/sections/[sectionKey]": {
    budget: { officer: 9 },
    prepare: async (me) => {
      const edition = await volumeEdition("draft");
      const prefix = `Editor ${tag()}`;
      const first = await addChapters(edition.id, { prefix, chapterCount: 1, sectionsPerChapter: 1 });
      const section = first.sections[0]!;
      await addRevisions(section.id, { n: 2, firstNumber: 2, authorId: me!.user.id });
      return {
        url: `/admin/editions/${edition.id}/sections/${section.key}`,
        shows: ["Fassung 3"],
        grow: async () => {
          await addRevisions(section.id, { n: GROWTH, firstNumber: 4, authorId: me!.user.id });
          await addChapters(edition.id, { prefix: `Mehr ${tag()}`, chapterCount: 10, sectionsPerChapter: 5, firstPosition: 2 });
          return [`Fassung ${GROWTH + 3}`];
        },
      };
    },
  },
  "/admin/audit": {
    budget: { officer: 7 },
    prepare: async (me) => {
      // One entry for every kind of target the page names, newest, so its first page looks up each kind.
      const { edition, outline, authors, section, chapter } = await smallEdition();
      const [proposal] = await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors, n: 1, prefix: "Protokollvorschlag" });
      const [comment] = await addComments({ editionId: edition.id, target: { sectionId: section.id, revisionId: section.revisionId }, authors, n: 1, prefix: "Protokollkommentar" });
      const [organisation] = await addOrganisations(1, { prefix: `Protokollverein ${tag()}` });
      const targets = [
        { type: "user", id: authors[0]!.id },
        { type: "edition", id: edition.id },
        { type: "section", id: section.id },
        { type: "chapter", id: outline.chapters[0]!.id },
        { type: "proposal", id: proposal! },
        { type: "group", id: (await groupIds()).traeger! },
        { type: "organisation", id: organisation!.id },
        { type: "comment", id: comment! },
      ];
      await addAuditEntries(targets.length, { actors: [me!.user.id], targets });
      return {
        url: "/admin/audit",
        grow: async () => {
          const prefix = `Protokollperson ${tag()}`;
          const people = await addPeople(20, { prefix });
          await addAuditEntries(GROWTH, { actors: people.map((p) => p.id), targets });
          return [`${prefix} 019`, `${prefix} 000`];
        },
      };
    },
  },
  "/admin/registry": {
    budget: { officer: 5 },
    prepare: async () => ({
      url: "/admin/registry",
      grow: async () => {
        const prefix = `Registerverein ${tag()}`;
        const orgs = await addOrganisations(GROWTH, { prefix });
        await addPeople(GROWTH, { prefix: `Registerperson ${tag()}` });
        for (const o of orgs.slice(0, 5)) await addPeople(10, { prefix: `Mitglied ${tag()}`, organisation: o });
        return [`${prefix} 000`, `${prefix} ${g(GROWTH - 1)}`];
      },
    }),
  },
  "/outbox": {
    budget: { officer: 2 },
    prepare: async () => ({
      url: "/outbox",
      grow: async () => {
        const prefix = `Postmenge ${tag()}`;
        await addSentMails(GROWTH, { prefix });
        return [`${prefix} ${g(GROWTH - 1)}`];
      },
    }),
  },
  "/editions/[editionId]": {
    budget: { stakeholder: 5, public: 4 },
    prepare: async () => {
      const { edition, prefix } = await smallEdition();
      return {
        url: `/editions/${edition.id}`,
        shows: [`${prefix} K0`],
        grow: async () => {
          const more = `Mehr ${tag()}`;
          await addChapters(edition.id, { prefix: more, chapterCount: GROWTH / 4, sectionsPerChapter: 4, firstPosition: 2 });
          return [`${more} K${GROWTH / 4 - 1}`, `${more} A${GROWTH / 4 - 1}.4`];
        },
      };
    },
  },
  "/editions/[editionId]/chapters/[chapterKey]": {
    budget: { stakeholder: 9, public: 8 },
    prepare: async () => {
      const { edition, prefix, chapter, authors } = await smallEdition();
      await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors, n: 2, prefix: "Kapitelvorschlag" });
      return {
        url: `/editions/${edition.id}/chapters/${chapter.key}`,
        shows: [`${prefix} A0.1`],
        grow: async () => {
          const more = `Mehr ${tag()}`;
          await addSections(edition.id, [chapter], { prefix: more, sectionsPerChapter: GROWTH, firstPosition: 2 });
          await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors, n: GROWTH, prefix: "Kapitelvorschlag" });
          return [`${more} A0.${GROWTH + 1}`];
        },
      };
    },
  },
  "/editions/[editionId]/proposals": {
    budget: { stakeholder: 9, officer: 9 },
    prepare: async (me) => {
      const { edition, outline, authors } = await smallEdition({ chapters: 3 });
      const chapterIds = outline.chapters.map((c) => c.id);
      const first = await addProposals({ editionId: edition.id, chapterIds, authors, n: 3, prefix: "Erster Vorschlag" });
      await addVotes({ proposalIds: first, voters: [...authors, me!.person] });
      return {
        url: `/editions/${edition.id}/proposals`,
        shows: ["Erster Vorschlag 000"],
        grow: async () => {
          const prefix = `Vorschlag ${tag()}`;
          const voters = await addPeople(30, { prefix: `Stimme ${tag()}` });
          const more = await addProposals({ editionId: edition.id, chapterIds, authors: [...authors, ...voters], n: GROWTH, prefix });
          await addVotes({ proposalIds: more, voters: [...voters, me!.person] });
          await addComments({ editionId: edition.id, target: { proposalId: more[0]! }, authors, n: 20, prefix: "Vorschlagskommentar" });
          return [`${prefix} 000`];
        },
      };
    },
  },
  "/editions/[editionId]/proposals/new": {
    budget: { stakeholder: 5 },
    prepare: async () => {
      const { edition, prefix } = await smallEdition();
      return {
        url: `/editions/${edition.id}/proposals/new`,
        shows: [`${prefix} K0`],
        grow: async () => {
          const more = `Mehr ${tag()}`;
          await addChapters(edition.id, { prefix: more, chapterCount: GROWTH, sectionsPerChapter: 0, firstPosition: 2 });
          return [`${more} K${GROWTH - 1}`];
        },
      };
    },
  },
  "/editions/[editionId]/proposals/[proposalId]": {
    budget: { stakeholder: 12, officer: 12 },
    prepare: async (me) => {
      const { edition, chapter, authors } = await smallEdition();
      const [proposal] = await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors, n: 1, prefix: "Einzelvorschlag" });
      await addVotes({ proposalIds: [proposal!], voters: [...authors, me!.person] });
      const first = await addComments({ editionId: edition.id, target: { proposalId: proposal! }, authors, n: 2, replies: 1, prefix: "Erster Kommentar", newestAt: anHourAgo() });
      return {
        url: `/editions/${edition.id}/proposals/${proposal}?sort=oldest&replies=${first[0]}`,
        shows: ["Einzelvorschlag 000", "Erster Kommentar 000", "Antwort 0", "Kommentare (2)"],
        grow: async () => {
          const voters = await addPeople(GROWTH, { prefix: `Stimme ${tag()}` });
          await addVotes({ proposalIds: [proposal!], voters });
          const prefix = `Kommentar ${tag()}`;
          await addComments({ editionId: edition.id, target: { proposalId: proposal! }, authors: [...authors, ...voters], n: GROWTH, replies: 20, prefix });
          return [`${prefix} ${g(GROWTH - 1)}`, `Kommentare (${GROWTH + 2})`];
        },
      };
    },
  },
  "/editions/[editionId]/sections/[sectionKey]": {
    budget: { stakeholder: 2, public: 1, officer: 2 },
    prepare: async (me) => {
      const { edition, section, authors } = await smallEdition();
      const first = await addComments({ editionId: edition.id, target: { sectionId: section.id, revisionId: section.revisionId }, authors, n: 4, replies: 1, prefix: "Erster Kommentar", newestAt: anHourAgo() });
      // A newer revision: the anchors (written on the first) are re-found in it, which loads the revisions.
      await addRevisions(section.id, { n: 1, firstNumber: 2, authorId: me!.user.id });
      return {
        // Oldest first with the first comment's replies open: both stay on the first page as the thread grows.
        url: `/editions/${edition.id}/sections/${section.key}?sort=oldest&replies=${first[0]}`,
        shows: ["Erster Kommentar 000", "Antwort 0", "Kommentare (4)"],
        grow: async () => {
          const people = await addPeople(40, { prefix: `Kommentatorin ${tag()}` });
          const prefix = `Kommentar ${tag()}`;
          await addComments({ editionId: edition.id, target: { sectionId: section.id, revisionId: section.revisionId }, authors: [...authors, ...people], n: GROWTH, replies: 20, prefix });
          return [`${prefix} ${g(GROWTH - 1)}`, "Antwort 0", `Kommentare (${GROWTH + 4})`];
        },
      };
    },
  },
  "/editions/[editionId]/search": {
    budget: { stakeholder: 6, public: 3 },
    prepare: async () => {
      const { edition, chapter, section, authors } = await smallEdition({ sections: 2 });
      await addComments({ editionId: edition.id, target: { sectionId: section.id, revisionId: section.revisionId }, authors, n: 2, prefix: "Suchkommentar" });
      await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors, n: 2, prefix: "Suchvorschlag Sprachkurse" });
      return {
        url: `/editions/${edition.id}/search?q=Sprachkurs`,
        shows: ["Suchvorschlag Sprachkurse 000"],
        grow: async () => {
          const more = `Mehr ${tag()}`;
          const added = await addChapters(edition.id, { prefix: more, chapterCount: 10, sectionsPerChapter: 10, firstPosition: 2 });
          const people = await addPeople(20, { prefix: `Sucherin ${tag()}` });
          for (const s of added.sections.slice(0, 4)) {
            await addComments({ editionId: edition.id, target: { sectionId: s.id, revisionId: s.revisionId }, authors: people, n: GROWTH / 4, prefix: "Suchkommentar" });
          }
          await addProposals({ editionId: edition.id, chapterIds: added.chapters.map((c) => c.id), authors: people, n: GROWTH, prefix: "Neuer Suchvorschlag Sprachkurse" });
          return ["Neuer Suchvorschlag Sprachkurse"];
        },
      };
    },
  },
  "/notifications": {
    budget: { stakeholder: 6 },
    prepare: async (me) => {
      const { edition, chapter, section, authors } = await smallEdition();
      const mine = await addComments({ editionId: edition.id, target: { sectionId: section.id, revisionId: section.revisionId }, authors: [me!.person], n: 4, replies: 4, prefix: "Mein Kommentar" });
      const replies = await db().select({ id: schema.comments.feedbackId }).from(schema.comments).where(eq(schema.comments.sectionId, section.id));
      const proposals = await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors: [me!.person], n: 4, prefix: "Mein Vorschlag" });
      const onProposals = await addComments({ editionId: edition.id, target: { proposalId: proposals[0]! }, authors, n: 4, prefix: "Zu meinem Vorschlag" });
      const refs = { editionId: edition.id, commentIds: mine, replyIds: replies.map((r) => r.id).filter((id) => !mine.includes(id)), proposalIds: proposals, proposalCommentIds: onProposals };
      await addNotifications({ userId: me!.user.id, n: 4, refs });
      return {
        url: "/notifications",
        grow: async () => {
          await addNotifications({ userId: me!.user.id, n: GROWTH, refs });
          // The bell counts the unread ones.
          return ["99+", "Mein Vorschlag"];
        },
      };
    },
  },
  "/contributions": {
    budget: { stakeholder: 4 },
    prepare: async (me) => {
      const { edition, chapter, section, authors } = await smallEdition();
      await addComments({ editionId: edition.id, target: { sectionId: section.id, revisionId: section.revisionId }, authors: [me!.person], n: 1, prefix: "Mein erster Kommentar" });
      const [p] = await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors: [me!.person], n: 1, prefix: "Mein erster Vorschlag" });
      const theirs = await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors, n: 1, prefix: "Fremder Vorschlag" });
      await addVotes({ proposalIds: [p!, ...theirs], voters: [me!.person] });
      return {
        url: "/contributions",
        shows: ["Mein erster Kommentar 000", "Mein erster Vorschlag 000", "Fremder Vorschlag 000"],
        grow: async () => {
          const prefix = `Beitrag ${tag()}`;
          await addComments({ editionId: edition.id, target: { sectionId: section.id, revisionId: section.revisionId }, authors: [me!.person], n: GROWTH, prefix: `${prefix} Kommentar` });
          await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors: [me!.person], n: GROWTH, prefix: `${prefix} Vorschlag` });
          const others = await addProposals({ editionId: edition.id, chapterIds: [chapter.id], authors, n: GROWTH, prefix: `${prefix} Fremd` });
          // The page lists 200 of each kind: votes on others' proposals only, so all of them show.
          await addVotes({ proposalIds: others, voters: [me!.person] });
          return [`${prefix} Kommentar 000`, `${prefix} Vorschlag 000`, `${prefix} Fremd 000`, `${prefix} Fremd ${g(GROWTH - 1)}`];
        },
      };
    },
  },
  "/_not-found": { budget: { stakeholder: 1, public: 0 }, status: 404, prepare: staticPage("/no-such-page") },
  "/impressum": { budget: { stakeholder: 1, public: 0 }, prepare: staticPage("/impressum") },
  "/datenschutz": { budget: { stakeholder: 1 }, prepare: staticPage("/datenschutz") },
  "/barrierefreiheit": { budget: { stakeholder: 1 }, prepare: staticPage("/barrierefreiheit") },
  "/nutzungsbedingungen": { budget: { stakeholder: 1 }, prepare: staticPage("/nutzungsbedingungen") },
};

const audiencesOf = (c: Case) => Object.keys(c.budget) as Audience[];

test("every page route of the build has a query-count case", () => {
  const routes = new Set([...builtPageRoutes(), ...Object.keys(routeVisits)]);
  const missing = [...routes].filter((r) => !cases[r]);
  expect(missing).toEqual([]);
  for (const [route, c] of Object.entries(cases)) {
    for (const audience of audiencesOf(c)) {
      if (routeVisits[route]) expect(routeVisits[route]!.allowed, `${route} may be opened as ${audience}`).toContain(audience);
    }
  }
});

test.afterAll(async () => {
  if (results.length) {
    const n = (v: number) => String(v).padStart(6);
    const lines = results.map((r) => `${r.route.padEnd(52)} ${r.audience.padEnd(12)} ${n(r.before)} ${n(r.after)} ${n(r.budget)}   ${n(r.coldBefore)} ${n(r.coldAfter)}${r.grown ? "" : "  (nothing listed)"}`);
    const head = `${"route".padEnd(52)} ${"as".padEnd(12)} ${"before".padStart(6)} ${"after".padStart(6)} ${"budget".padStart(6)}   ${"cold".padStart(6)} ${"cold".padStart(6)}`;
    console.log(`\nStatements per request (cold: the first request after a change, filling caches)\n${head}\n${lines.join("\n")}\n`);
  }
  const users = await Promise.all([...actors.values()].map(async (a) => (await a).user.id));
  actors.clear();
  await cleanUpVolume(users);
});

/** The routes of the build under test and those routeVisits names. */
function pageRoutes(): string[] {
  let built: string[] = [];
  try {
    built = builtPageRoutes();
  } catch {
    // No build yet (listing the tests): the first test names the problem.
  }
  return [...new Set([...Object.keys(routeVisits), ...built])];
}

for (const route of pageRoutes()) {
  test(`statements per request stay constant: ${route}`, async ({ browser, playwright }) => {
    test.setTimeout(180_000);
    const c = cases[route];
    expect(c, `a query-count case for ${route}`).toBeDefined();
    const audiences = audiencesOf(c!);
    const askers = await Promise.all(
      audiences.map(async (audience) => {
        const a = audience === "public" ? null : await actor(browser, audience as Role);
        const request = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL, ...(a ? { storageState: a.storageState } : {}) });
        return { audience, me: a ? { user: a.user, person: a.person } : null, request };
      }),
    );

    const once = async ({ me, request }: (typeof askers)[number], url: string): Promise<Measured> => {
      // Neither the warm-up nor the measured request writes last_seen_at (at most once a minute).
      if (me) await db().update(schema.sessions).set({ lastSeenAt: new Date() }).where(eq(schema.sessions.userId, me.user.id));
      const warmUp = `${tag()}${tag()}`;
      await request.get(url, { maxRedirects: 0, headers: { [PROBE_HEADER]: warmUp } });
      const id = `${tag()}${tag()}`;
      const res = await request.get(url, { maxRedirects: 0, headers: { [PROBE_HEADER]: id } });
      return { status: res.status(), html: await res.text(), statements: await statementsOf(id), cold: await statementsOf(warmUp) };
    };
    const measure = async (asker: (typeof askers)[number], url: string, label: string) => {
      const what = `${route} as ${asker.audience} ${label}`;
      const first = await once(asker, url);
      const second = await once(asker, url);
      expect(second.statements, `${what}: the same request twice sends the same statements`).toBe(first.statements);
      expect(first.status, `${what}: status`).toBe(c!.status ?? 200);
      if (!c!.status) {
        const h1 = h1Of(first.html);
        expect(h1, `${what}: the page's heading`).toBeTruthy();
        expect(ERROR_HEADINGS, `${what}: not an error page`).not.toContain(h1);
      }
      return first;
    };

    const ready = await c!.prepare(askers[0]!.me);
    const before = [];
    for (const asker of askers) before.push(await measure(asker, ready.url, "before"));
    for (const s of ready.shows ?? []) expect(textOf(before[0]!.html).includes(s), `${route} shows ${s}`).toBe(true);
    const shown = ready.grow ? await ready.grow() : [];
    const after = [];
    for (const asker of askers) after.push(await measure(asker, ready.url, "after growth"));
    for (const s of shown) expect(textOf(after[0]!.html).includes(s), `${route} shows the new data: ${s}`).toBe(true);
    for (const [i, { audience }] of askers.entries()) {
      results.push({ route, audience, before: before[i]!.statements, after: after[i]!.statements, coldBefore: before[i]!.cold, coldAfter: after[i]!.cold, budget: c!.budget[audience]!, grown: !!ready.grow });
      test.info().annotations.push({ type: "statements", description: `${audience}: ${before[i]!.statements} → ${after[i]!.statements} (budget ${c!.budget[audience]})` });
    }
    for (const [i, { audience, request }] of askers.entries()) {
      expect(after[i]!.statements, `${route} as ${audience}: statements with ${GROWTH} more rows`).toBe(before[i]!.statements);
      expect(after[i]!.statements, `${route} as ${audience}: at most the budget`).toBeLessThanOrEqual(c!.budget[audience]!);
      expect(after[i]!.cold, `${route} as ${audience}: the first request after growth (filling caches) sends no more than the first of all`).toBeLessThanOrEqual(before[i]!.cold);
      // Signed in, the session alone is read: a count of 0 would mean the probe saw nothing.
      if (audience !== "public") expect(before[i]!.statements, `${route} as ${audience}: the probe counted`).toBeGreaterThan(0);
      await request.dispose();
    }
  });
}
