import { expect, test } from "../support/fixtures";
import { and, eq, sql } from "drizzle-orm";
import { chapters, editions, sectionRevisions, sections } from "@/db/schema";
import { DRAFT_ONLY_SENTENCE } from "@/db/seed/content";
import { signedIn } from "../support/actors";
import { db } from "../support/factories";

const editionId = async (year: number) => (await db().select({ id: editions.id }).from(editions).where(eq(editions.year, year)))[0]!.id;

test("the start page names the draft in consultation, its phase and its window", async ({ page }) => {
  await page.goto("/");
  const open = page.getByRole("region", { name: /Jetzt in Beteiligung: Integrationsplan Landkreis Göppingen 2027/ });
  await expect(open).toBeVisible();
  await expect(open.getByText("Beteiligung läuft")).toBeVisible();
  // The window is shown in Europe/Berlin time and starts and ends on the full hour, e.g. "19. November 2026 um 10:00 bis 7. Januar 2027 um 10:00".
  await expect(open.getByText(/\d{1,2}\. \p{L}+ \d{4}( um)? \d{2}:00 bis \d{1,2}\. \p{L}+ \d{4}( um)? \d{2}:00/u)).toBeVisible();
  const all = page.getByRole("region", { name: "Alle Ausgaben" });
  // Other specs add editions of their own ("Testausgabe …"); the seeded ones come newest first.
  await expect(all.getByRole("heading", { level: 3, name: /^Integrationsplan Landkreis Göppingen \d{4}$/ })).toHaveText([
    "Integrationsplan Landkreis Göppingen 2027",
    "Integrationsplan Landkreis Göppingen 2022",
    "Integrationsplan Landkreis Göppingen 2011",
  ]);
  await expect(all.getByText("15. Juli 2022")).toBeVisible();
  await expect(all.getByText("27. Mai 2011")).toBeVisible();
});

test("the public reads the draft: a sentence that exists only in the draft, labelled as sample text", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: /Jetzt in Beteiligung: Integrationsplan Landkreis Göppingen 2027/ }).getByRole("link", { name: "Entwurf lesen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integrationsplan Landkreis Göppingen 2027" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("Beispieltext");
  await page.getByRole("link", { name: /^2 Wohnen$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Wohnen");
  await expect(page.getByText(DRAFT_ONLY_SENTENCE)).toBeVisible();

  const draftId = await editionId(2027);
  await page.goto(`/editions/${draftId}/sections/wohnen-wohnraum`);
  await expect(page.getByText(DRAFT_ONLY_SENTENCE)).toBeVisible();
  await expect(page.getByText(/Fassung 2 vom/)).toBeVisible();

  await page.goto(`/editions/${await editionId(2022)}/sections/wohnen-wohnraum`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(DRAFT_ONLY_SENTENCE)).toHaveCount(0);
});

test("addresses that name nothing are answered with 'not found'", async ({ page }) => {
  for (const path of ["/editions/not-an-id", "/editions/00000000-0000-4000-8000-000000000000", `/editions/${await editionId(2022)}/sections/no-such-section`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Seite nicht gefunden" })).toBeVisible();
  }
});

test("an edition in the draft phase is visible to the officer only", async ({ browser, page }) => {
  const [e] = await db().insert(editions).values({ year: 2031, title: "Interner Entwurf 2031", phase: "draft" }).returning({ id: editions.id });
  const [c] = await db().insert(chapters).values({ editionId: e!.id, key: "intern", position: 1, title: "Internes Kapitel" }).returning({ id: chapters.id });
  const [s] = await db().insert(sections).values({ editionId: e!.id, chapterId: c!.id, key: "intern-1", position: 1, title: "Interner Abschnitt" }).returning({ id: sections.id });
  await db().insert(sectionRevisions).values({ sectionId: s!.id, number: 1, blocks: [{ key: "p1", kind: "paragraph", html: "<p>Noch nicht öffentlich.</p>" }] });
  try {
    expect((await page.goto(`/editions/${e!.id}/sections/intern-1`))?.status()).toBe(404);
    await page.goto("/");
    await expect(page.getByText("Interner Entwurf 2031")).toHaveCount(0);
    const stakeholder = await signedIn(browser, "stakeholder");
    expect((await stakeholder.page.goto(`/editions/${e!.id}`))?.status()).toBe(404);
    await stakeholder.context.close();
    const officer = await signedIn(browser, "officer");
    await officer.page.goto(`/editions/${e!.id}/sections/intern-1`);
    await expect(officer.page.getByText("Noch nicht öffentlich.")).toBeVisible();
    await officer.context.close();
  } finally {
    await db().delete(editions).where(and(eq(editions.id, e!.id), eq(editions.phase, "draft")));
  }
});

test("pages load nothing from any other host (fonts, scripts and styles are self-hosted)", async ({ page }) => {
  const foreign: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["localhost", "127.0.0.1"].includes(url.hostname) && !url.protocol.startsWith("data")) foreign.push(req.url());
  });
  await page.goto("/");
  await page.getByRole("region", { name: /Jetzt in Beteiligung: Integrationsplan Landkreis Göppingen 2027/ }).getByRole("link", { name: "Entwurf lesen" }).click();
  await page.getByRole("link", { name: /^3 Bildung$/ }).click();
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
  const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family));
  expect(fonts.length).toBeGreaterThan(0);
});

test("a page that fails on the server shows a plain message in the user's language, no stack trace", async ({ page }) => {
  await db().execute(sql`alter table edition_decisions rename to edition_decisions_away`);
  try {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Etwas ist schiefgegangen" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/edition_decisions|at .+\.js:\d+|Error:/);
  } finally {
    await db().execute(sql`alter table edition_decisions_away rename to edition_decisions`);
  }
  await page.getByRole("button", { name: "Noch einmal versuchen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integrationsplan Landkreis Göppingen" })).toBeVisible();
});
