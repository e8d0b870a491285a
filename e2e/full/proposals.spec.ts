import { and, eq, sql } from "drizzle-orm";
import { editions, feedback, proposals, votes } from "@/db/schema";
import { signIn, signedIn } from "../support/actors";
import { createUser, db } from "../support/factories";
import { expect, test, type Page } from "../support/fixtures";
import { chapterOf, consultationEdition, createProposal, participationEdition, seedVotes, voteAs } from "../support/proposals-factories";

const voteButtons = (page: Page) => page.getByRole("group", { name: "Ihre Stimme" });
const results = (page: Page) => page.getByRole("table", { name: "Stimmen nach Stakeholder-Gruppen" });
const row = (page: Page, name: string) => results(page).getByRole("row", { name: new RegExp(`^${name}`) });

test("a stakeholder proposes a measure for a chapter, finds it in the chapter's list, edits it until the first vote and withdraws it", async ({ browser }) => {
  const { page, user } = await signedIn(browser, "stakeholder");
  const editionId = await consultationEdition();
  await page.goto(`/editions/${editionId}/chapters/arbeit`);
  await page.getByRole("link", { name: "Maßnahmenvorschläge zu diesem Kapitel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Maßnahmenvorschläge zu 4 Arbeit");
  await expect(page.getByText(/Die Beteiligung läuft bis .+ Uhr/)).toBeVisible();
  await page.getByRole("link", { name: "Maßnahme vorschlagen" }).click();
  await expect(page.getByLabel("Kapitel")).toHaveValue((await chapterOf(editionId, "arbeit")).id);

  const title = `Jobcoaching für Geflüchtete ${Date.now()}`;
  // Too short a title: the message stands beside the field and the description typed so far stays.
  await page.getByLabel("Titel").fill("Jo");
  await page.getByLabel("Beschreibung").fill("Eine Begleitung in den **ersten Monaten** im Betrieb.");
  await page.getByRole("button", { name: "Vorschlag einreichen" }).click();
  await expect(page.getByText("Bitte mindestens 3 Zeichen eingeben.").first()).toBeVisible();
  await expect(page.getByLabel("Beschreibung")).toHaveValue("Eine Begleitung in den **ersten Monaten** im Betrieb.");

  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Wer könnte die Maßnahme umsetzen?").fill("Agentur für Arbeit Göppingen");
  // A double click submits once.
  await page.getByRole("button", { name: "Vorschlag einreichen" }).dblclick();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".proposal__description strong")).toHaveText("ersten Monaten");
  await expect(page.getByText("Agentur für Arbeit Göppingen")).toBeVisible();
  await expect(page.locator(".proposal-byline")).toContainText(user.name);
  await expect(page.locator(".proposal-byline")).toContainText("Ehrenamtlich Engagierte");
  const rows = await db().select({ id: proposals.feedbackId, groupId: feedback.groupId }).from(proposals).innerJoin(feedback, eq(feedback.id, proposals.feedbackId)).where(eq(proposals.title, title));
  expect(rows).toHaveLength(1);

  // The list, filtered by chapter, has it.
  await page.goto(`/editions/${editionId}/proposals?chapter=arbeit`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.goto(`/editions/${editionId}/proposals?chapter=wohnen`);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  // Edit before any vote.
  await page.goto(`/editions/${editionId}/proposals/${rows[0]!.id}`);
  await page.getByText("Vorschlag bearbeiten", { exact: true }).click();
  await page.getByLabel("Titel").fill(`${title} (überarbeitet)`);
  await page.getByRole("button", { name: "Änderungen speichern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (überarbeitet)`);
  await expect(page.locator(".proposal-byline")).toContainText("bearbeitet");

  // Once someone votes, editing is over; withdrawing still works.
  const voter = await createUser({ role: "stakeholder", group: "kommunen" });
  await db().insert(votes).values({ proposalId: rows[0]!.id, userId: voter.id, choice: "for", groupId: rows[0]!.groupId });
  await page.reload();
  await expect(page.getByText("Vorschlag bearbeiten", { exact: true })).toHaveCount(0);
  await expect(page.getByText(/Zu Ihrem Vorschlag gibt es schon Stimmen/)).toBeVisible();
  await page.getByText("Vorschlag zurückziehen").click();
  await page.getByRole("button", { name: "Endgültig zurückziehen" }).click();
  await expect(page.getByText(/^Dieser Vorschlag wurde am .+ zurückgezogen\./)).toBeVisible();
  await expect(voteButtons(page)).toHaveCount(0);
  const [w] = await db().select({ withdrawnAt: proposals.withdrawnAt }).from(proposals).where(eq(proposals.feedbackId, rows[0]!.id));
  expect(w!.withdrawnAt).not.toBeNull();
  await page.context().close();
});

test("vote, change the vote, take it back: the totals follow at once, and the split by group never shows a group of fewer than 5", async ({ browser }) => {
  const editionId = await consultationEdition();
  const chapter = await chapterOf(editionId, "arbeit");
  const author = await createUser({ role: "stakeholder", group: "institutionen" });
  const p = await createProposal({ authorId: author.id, chapterId: chapter.id, editionId, title: `Sprachkurse im Betrieb ${Date.now()}` });
  await seedVotes({ proposalId: p.id, group: "kommunen", count: 6, choice: "for" });
  await seedVotes({ proposalId: p.id, group: "traeger", count: 5, choice: "against" });
  // Two council members: their figures must not appear, neither directly nor as total minus the shown groups.
  await seedVotes({ proposalId: p.id, group: "kreistag", count: 2, choice: "against" });

  const { page, user } = await signedIn(browser, "stakeholder", { group: "ehrenamt" });
  await page.goto(p.url);
  await expect(page.getByText("6 dafür · 7 dagegen · 0 Enthaltungen (13 Stimmen)")).toBeVisible();
  // Kreistag (2) would be 13 − 6 − 5: so the Träger (5, the smallest shown) are pooled with it.
  await expect(row(page, "Städte und Gemeinden")).toHaveText(/Städte und Gemeinden\s*6\s*0\s*0\s*6/);
  await expect(row(page, "weitere Gruppen")).toHaveText(/weitere Gruppen\s*0\s*7\s*0\s*7/);
  await expect(results(page)).not.toContainText("Kreistag");
  await expect(results(page)).not.toContainText("Freie Träger");

  await voteButtons(page).getByRole("button", { name: "Dafür" }).click();
  await expect(voteButtons(page).getByRole("button", { name: "Dafür" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("7 dafür · 7 dagegen · 0 Enthaltungen (14 Stimmen)")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Ihre Stimme „Dafür“ ist gespeichert." })).toBeVisible();
  await expect(row(page, "weitere Gruppen")).toHaveText(/weitere Gruppen\s*1\s*7\s*0\s*8/);

  await voteButtons(page).getByRole("button", { name: "Dagegen" }).click();
  await expect(voteButtons(page).getByRole("button", { name: "Dagegen" })).toHaveAttribute("aria-pressed", "true");
  await expect(voteButtons(page).getByRole("button", { name: "Dafür" })).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByText("6 dafür · 8 dagegen · 0 Enthaltungen (14 Stimmen)")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Ihre Stimme „Dagegen“ ist gespeichert." })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Ihre Stimme: Dagegen")).toBeVisible();
  await expect(row(page, "weitere Gruppen")).toHaveText(/weitere Gruppen\s*0\s*8\s*0\s*8/);
  const mine = await db().select({ choice: votes.choice }).from(votes).where(and(eq(votes.proposalId, p.id), eq(votes.userId, user.id)));
  expect(mine).toEqual([{ choice: "against" }]);

  await voteButtons(page).getByRole("button", { name: "Stimme zurücknehmen" }).click();
  await expect(page.getByText("Sie haben noch nicht abgestimmt.")).toBeVisible();
  await expect(page.getByText("6 dafür · 7 dagegen · 0 Enthaltungen (13 Stimmen)")).toBeVisible();
  await expect.poll(async () => (await db().select({ n: sql<number>`count(*)::int` }).from(votes).where(and(eq(votes.proposalId, p.id), eq(votes.userId, user.id))))[0]!.n).toBe(0);

  // The list shows the same totals and the same protected split.
  await page.goto(`/editions/${editionId}/proposals?chapter=arbeit`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: p.title }) });
  await expect(card).toContainText("6 dafür · 7 dagegen · 0 Enthaltungen (13 Stimmen)");
  await card.getByText("Ergebnis nach Gruppen").click();
  await expect(card.getByRole("table")).toContainText("Städte und Gemeinden");
  await expect(card.getByRole("table")).not.toContainText("Kreistag");

  // Sorted by support: the most votes for first, whatever else the chapter holds.
  await page.getByLabel("Sortierung").selectOption({ label: "Meiste Zustimmung" });
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(page).toHaveURL(/sort=support/);
  const support = (await page.locator(".proposal-card__figures").allInnerTexts()).map((t) => Number(/^(\d+) dafür/.exec(t)![1]));
  expect(support.length).toBeGreaterThan(1);
  expect(support).toEqual([...support].sort((a, b) => b - a));
  expect(support[0]).toBeGreaterThanOrEqual(6);
  await page.context().close();
});

test("a long list comes in pages of 25, forwards and back, every proposal once and in the chosen order", async ({ browser }) => {
  const e = await participationEdition();
  const author = await createUser({ role: "stakeholder" });
  const voters = [];
  for (let i = 0; i < 4; i++) voters.push(await createUser({ role: "stakeholder" }));
  for (let i = 0; i < 30; i++) {
    const p = await createProposal({ authorId: author.id, chapterId: e.chapterId, editionId: e.editionId, title: `Seitenvorschlag ${String(i).padStart(2, "0")}` });
    // Support 0 to 4 in turn: many ties, which the order breaks the same way on every page.
    for (const v of voters.slice(0, i % 5)) await voteAs({ proposalId: p.id, userId: v.id, choice: "for" });
  }
  const { page } = await signedIn(browser, "stakeholder");
  const titles = () => page.locator(".proposal-card__title").allInnerTexts();
  const support = async () => (await page.locator(".proposal-card__figures").allInnerTexts()).map((t) => Number(/^(\d+) dafür/.exec(t)![1]));
  await page.goto(`/editions/${e.editionId}/proposals`);
  await page.getByLabel("Sortierung").selectOption({ label: "Meiste Zustimmung" });
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(page.locator(".meta[role=status]")).toHaveText("30 Vorschläge");
  await expect(page.locator(".proposal-card")).toHaveCount(25);
  const first = await titles();
  const firstSupport = await support();
  await expect(page.getByRole("link", { name: "Vorherige Vorschläge" })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Seiten der Vorschläge" }).getByRole("link", { name: "Nächste 25 Vorschläge" }).click();
  await expect(page).toHaveURL(/sort=support.*after=|after=.*sort=support/);
  await expect(page.locator(".proposal-card")).toHaveCount(5);
  await expect(page.locator(".meta[role=status]")).toHaveText("30 Vorschläge");
  const second = await titles();
  expect(new Set([...first, ...second]).size).toBe(30);
  const all = [...firstSupport, ...(await support())];
  expect(all).toEqual([...all].sort((a, b) => b - a));
  await expect(page.getByRole("link", { name: "Nächste 25 Vorschläge" })).toHaveCount(0);

  await page.getByRole("link", { name: "Vorherige Vorschläge" }).click();
  await expect(page.locator(".proposal-card")).toHaveCount(25);
  expect(await titles()).toEqual(first);
  await expect(page.getByRole("link", { name: "Vorherige Vorschläge" })).toHaveCount(0);
  await page.context().close();
});

test("a vote after the window closed is refused with the time it closed, and the choice rolls back", async ({ browser }) => {
  const e = await participationEdition();
  const author = await createUser({ role: "stakeholder" });
  const p = await createProposal({ authorId: author.id, chapterId: e.chapterId, editionId: e.editionId, title: "Patenschaften für Auszubildende" });
  const { page, user } = await signedIn(browser, "council");
  await page.goto(p.url);
  await expect(voteButtons(page)).toBeVisible();
  // The window closes while the page is open.
  await db().update(editions).set({ closesAt: new Date(Date.now() - 60_000) }).where(eq(editions.id, e.editionId));
  await voteButtons(page).getByRole("button", { name: "Dafür" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Die Beteiligung endete am \d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2} Uhr\.$/u })).toBeVisible();
  await expect(voteButtons(page).getByRole("button", { name: "Dafür" })).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByText("0 dafür · 0 dagegen · 0 Enthaltungen (0 Stimmen)")).toBeVisible();
  expect(await db().select({ choice: votes.choice }).from(votes).where(and(eq(votes.proposalId, p.id), eq(votes.userId, user.id)))).toEqual([]);
  // After a reload the page is read-only and says why.
  await page.reload();
  await expect(voteButtons(page)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Abstimmung" }).getByText(/Die Beteiligung endete am .+ Uhr\. Beiträge und Stimmen sind nur noch zu lesen\./)).toBeVisible();
  await page.context().close();
});

test("without JavaScript, voting and proposing work as form posts that reload the page", async ({ browser }) => {
  const e = await participationEdition();
  const author = await createUser({ role: "stakeholder" });
  const p = await createProposal({ authorId: author.id, chapterId: e.chapterId, editionId: e.editionId, title: "Mehrsprachige Elternabende" });
  const person = await createUser({ role: "stakeholder", group: "migrantenorganisationen" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, person);
  await page.goto(p.url);
  await voteButtons(page).getByRole("button", { name: "Enthaltung" }).click();
  await expect(page.getByText("Ihre Stimme: Enthaltung")).toBeVisible();
  await expect(page.getByText("0 dafür · 0 dagegen · 1 Enthaltung (1 Stimme)")).toBeVisible();
  expect(await db().select({ choice: votes.choice }).from(votes).where(and(eq(votes.proposalId, p.id), eq(votes.userId, person.id)))).toEqual([{ choice: "abstain" }]);
  await voteButtons(page).getByRole("button", { name: "Stimme zurücknehmen" }).click();
  await expect(page.getByText("Sie haben noch nicht abgestimmt.")).toBeVisible();
  expect(await db().select({ choice: votes.choice }).from(votes).where(and(eq(votes.proposalId, p.id), eq(votes.userId, person.id)))).toEqual([]);

  await page.goto(`/editions/${e.editionId}/proposals/new`);
  await page.getByLabel("Kapitel").selectOption({ label: "1 Arbeit" });
  await page.getByLabel("Titel").fill("Lotsen für Behördengänge");
  await page.getByLabel("Beschreibung").fill("Ehrenamtliche begleiten zu Ämtern.");
  await page.getByRole("button", { name: "Vorschlag einreichen" }).click();
  await expect(page.getByText("Ihr Vorschlag ist eingereicht.")).toBeVisible();
  await page.getByRole("link", { name: "Zum Vorschlag" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lotsen für Behördengänge");
  await context.close();
});

test("a proposal's text with markup and script renders inert", async ({ browser }) => {
  const editionId = await consultationEdition();
  const chapter = await chapterOf(editionId);
  const author = await createUser({ role: "stakeholder" });
  const p = await createProposal({
    authorId: author.id,
    chapterId: chapter.id,
    editionId,
    title: "<img src=x onerror=alert(1)> Titel",
    description: '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> [Klick](javascript:window.__xss=3) **echt**',
  });
  const { page } = await signedIn(browser, "stakeholder");
  await page.goto(p.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("<img src=x onerror=alert(1)> Titel");
  const text = page.locator(".proposal__description");
  await expect(text.locator("strong")).toHaveText("echt");
  await expect(text.locator("img, script")).toHaveCount(0);
  await expect(text.locator("a")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await page.context().close();
});
