import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import { comments, editions, feedback, notifications, sectionRevisions, users } from "@/db/schema";
import { signIn, signedIn } from "../support/actors";
import { commentsEdition, createComment, SECTION_TEXT } from "../support/comments-factories";
import { createUser, db } from "../support/factories";
import { expect, test, type Page } from "../support/fixtures";
import { waitForMail } from "../support/mail";

const thread = (page: Page) => page.getByRole("region", { name: /^Kommentare/ });
const commentList = (page: Page) => thread(page).getByRole("list", { name: "Kommentare", exact: true });
const paragraph = (page: Page, key: string) => page.locator(`[data-paragraph-key="${key}"]`);

/** Selects `text` inside a paragraph: with the mouse (drag) or, for touch, as a long press leaves it (a DOM selection). */
async function select(page: Page, key: string, text: string, how: "mouse" | "touch") {
  if (how === "touch") {
    await paragraph(page, key).evaluate((el, quote) => {
      const node = el.querySelector("p")!.firstChild as Text;
      const start = node.data.indexOf(quote);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + quote.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    }, text);
    return;
  }
  // Drag from the first to the last character of the text, measured in the page.
  const box = await paragraph(page, key).evaluate((el, quote) => {
    const node = el.querySelector("p")!.firstChild as Text;
    const start = node.data.indexOf(quote);
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, start + 1);
    const a = r.getBoundingClientRect();
    r.setStart(node, start + quote.length - 1);
    r.setEnd(node, start + quote.length);
    const b = r.getBoundingClientRect();
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, text);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

async function commentOnSpan(page: Page, how: "mouse" | "touch") {
  const e = await commentsEdition("open");
  await page.goto(e.path);
  const quote = "Wohnraum für Geflüchtete bleibt knapp";
  await select(page, "p1", quote, how);
  const button = page.getByRole("button", { name: "Markierte Stelle kommentieren" });
  if (how === "touch") await button.tap();
  else await button.click();
  const form = page.locator("#comment-form");
  await expect(form.locator("blockquote")).toHaveText(quote);
  await expect(form.getByLabel("Ihr Kommentar zur gewählten Stelle")).toBeFocused();
  const body = `Wie viele Wohnungen fehlen genau? ${Date.now()}`;
  await form.getByLabel("Ihr Kommentar zur gewählten Stelle").fill(body);
  // A marker in the page's memory: it survives only if the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await form.getByRole("button", { name: "Kommentar veröffentlichen" }).click();
  await expect(form.getByRole("status")).toHaveText("Ihr Kommentar ist veröffentlicht.");
  const item = commentList(page).getByRole("listitem").filter({ hasText: body });
  await expect(item.locator("blockquote")).toHaveText(quote);
  await expect(item.getByRole("link", { name: "Zu Absatz 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "1 Kommentar zu Absatz 1 anzeigen" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
  const [row] = await db().select().from(comments).where(eq(comments.body, body));
  expect(row).toMatchObject({ paragraphKey: "p1", quote, revisionId: e.revisionId, quoteOffset: SECTION_TEXT[0]!.indexOf(quote) });
  return { e, body };
}

test("a span selected with the mouse gets a comment: its quote and the margin count appear without a reload", async ({ browser }) => {
  const { page, user } = await signedIn(browser, "stakeholder");
  const { body } = await commentOnSpan(page, "mouse");
  await expect(thread(page).getByRole("listitem").filter({ hasText: body })).toContainText(user.name);
  await expect(thread(page).getByRole("listitem").filter({ hasText: body })).toContainText("Ehrenamtlich Engagierte");
  const [row] = await db().select({ groupId: feedback.groupId, authorId: feedback.authorId }).from(feedback).innerJoin(comments, eq(comments.feedbackId, feedback.id)).where(eq(comments.body, body));
  expect(row!.authorId).toBe(user.id);
});

test.describe("on a phone (390 × 844, touch)", () => {
  test("a span chosen by touch gets a comment", async ({ browser }) => {
    // Signed in on a wide screen (the phone menu hides the sign-out button), then on the phone.
    const { context: desktop } = await signedIn(browser, "stakeholder");
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, storageState: await desktop.storageState() });
    const page = await context.newPage();
    await commentOnSpan(page, "touch");
    await page.screenshot({ path: "test-results/comments-phone.png", fullPage: false });
  });
});

test("keyboard: choose sentences of a paragraph with the sentence control, comment, filter by the margin count", async ({ browser }) => {
  const { page } = await signedIn(browser, "council");
  const e = await commentsEdition("open");
  await page.goto(e.path);
  await page.getByRole("link", { name: "Absatz 2 kommentieren" }).focus();
  await page.keyboard.press("Enter");
  const picker = page.getByRole("group", { name: "Welche Sätze aus Absatz 2 möchten Sie kommentieren?" });
  const sentence = picker.getByRole("checkbox", { name: "Die Kinderbetreuung während der Kurse wird ausgebaut." });
  await expect(picker.getByRole("checkbox").first()).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(sentence).toBeFocused();
  await page.keyboard.press("Space");
  await expect(sentence).toBeChecked();
  const body = `Auch abends, bitte. ${Date.now()}`;
  await page.getByLabel("Ihr Kommentar zur gewählten Stelle").focus();
  await page.keyboard.type(body);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Kommentar veröffentlichen" })).toBeFocused();
  await page.keyboard.press("Enter");
  const item = commentList(page).getByRole("listitem").filter({ hasText: body });
  await expect(item.locator("blockquote")).toHaveText("Die Kinderbetreuung während der Kurse wird ausgebaut.");
  await expect(item).toContainText("Kreistag");
  // Another comment on paragraph 1; the margin count of paragraph 2 filters the thread to its own.
  const other = await createUser({ role: "stakeholder" });
  await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: other.id, body: "Zum ganzen Abschnitt." });
  await page.reload();
  await expect(commentList(page).getByRole("listitem")).toHaveCount(2);
  await page.getByRole("link", { name: "1 Kommentar zu Absatz 2 anzeigen" }).click();
  await expect(page.getByText("Es werden nur Kommentare zu Absatz 2 gezeigt.")).toBeVisible();
  await expect(commentList(page).getByRole("listitem")).toHaveCount(1);
  await expect(commentList(page)).toContainText(body);
});

test("a reply reaches the comment's author by e-mail and in the bell; replies open on demand", async ({ browser }) => {
  const e = await commentsEdition("open");
  const author = await createUser({ role: "stakeholder", organisationKey: undefined });
  const parentId = await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: author.id, body: "Gibt es eine Warteliste?" });
  const { page } = await signedIn(browser, "stakeholder");
  await page.goto(e.path);
  const parent = commentList(page).getByRole("listitem").filter({ hasText: "Gibt es eine Warteliste?" });
  await parent.getByText("Antworten", { exact: true }).click();
  const body = `Ja, bei der Wohnraumbörse. ${Date.now()}`;
  const after = new Date();
  await parent.getByLabel("Ihre Antwort").fill(body);
  await parent.getByRole("button", { name: "Antwort veröffentlichen" }).click();
  await expect(parent.getByRole("list", { name: /^Antworten auf/ })).toContainText(body);
  const [row] = await db().select({ replyCount: comments.replyCount }).from(comments).where(eq(comments.feedbackId, parentId));
  expect(row!.replyCount).toBe(1);
  const told = await db().select().from(notifications).where(eq(notifications.userId, author.id));
  expect(told.map((n) => n.kind)).toEqual(["comment_reply"]);
  await waitForMail({ to: author.email, after });
  const authorPage = await (await browser.newContext()).newPage();
  await signIn(authorPage, author);
  await expect(authorPage.getByRole("link", { name: "Benachrichtigungen, 1 ungelesen" })).toBeVisible();

  // Another reader sees "1 Antwort anzeigen" and opens it.
  const { page: reader } = await signedIn(browser, "officer");
  await reader.goto(e.path);
  const closed = commentList(reader).getByRole("listitem").filter({ hasText: "Gibt es eine Warteliste?" });
  await expect(closed.getByText(body)).toHaveCount(0);
  await closed.getByRole("link", { name: "1 Antwort anzeigen" }).click();
  await expect(closed.getByText(body)).toBeVisible();
});

test("the author edits (bearbeitet) and deletes a comment: the words leave the database, the reply stays", async ({ browser }) => {
  const { page, user } = await signedIn(browser, "stakeholder");
  const e = await commentsEdition("open");
  const id = await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: user.id, body: "Erste Fassung meines Kommentars." });
  const other = await createUser({ role: "stakeholder" });
  await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: other.id, parentId: id, body: "Eine Antwort darauf." });
  await page.goto(e.path);
  const mine = commentList(page).getByRole("listitem").filter({ hasText: "Erste Fassung" });
  await mine.getByText("Bearbeiten", { exact: true }).click();
  await mine.getByLabel("Text des Kommentars").fill("Zweite Fassung meines Kommentars.");
  await mine.getByRole("button", { name: "Änderung speichern" }).click();
  const edited = commentList(page).getByRole("listitem").filter({ hasText: "Zweite Fassung" }).first();
  await expect(edited).toContainText("bearbeitet");
  // Others' comments have no edit or delete controls, but a report button.
  await edited.getByRole("link", { name: "1 Antwort anzeigen" }).click();
  const reply = edited.getByRole("list", { name: /^Antworten auf/ }).getByRole("listitem");
  await expect(reply.getByText("Bearbeiten", { exact: true })).toHaveCount(0);
  await expect(reply.getByRole("button", { name: /melden$/ })).toBeVisible();

  await edited.getByText("Löschen", { exact: true }).first().click();
  await edited.getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(commentList(page)).toContainText("Dieser Kommentar wurde von seiner Verfasserin oder seinem Verfasser gelöscht.");
  await expect(commentList(page)).not.toContainText("Zweite Fassung");
  const [row] = await db().select({ body: comments.body, deletedAt: comments.deletedAt }).from(comments).where(eq(comments.feedbackId, id));
  expect(row!.body).toBe("");
  expect(row!.deletedAt).not.toBeNull();
  // The thread stays (the address keeps it open): the placeholder and the reply.
  await page.reload();
  await expect(commentList(page)).toContainText("Dieser Kommentar wurde von seiner Verfasserin oder seinem Verfasser gelöscht.");
  await expect(commentList(page)).toContainText("Eine Antwort darauf.");
});

test("a hostile comment renders inert: no image, no script, no javascript: link", async ({ browser }) => {
  const { page } = await signedIn(browser, "stakeholder");
  const e = await commentsEdition("open");
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(e.path);
  const payload = `<img src=x onerror="alert(1)"> <script>alert(2)</script> [Klick](javascript:alert(3)) **fett** https://example.org ${Date.now()}`;
  await page.getByLabel("Ihr Kommentar zu diesem Abschnitt").fill(payload);
  // A double click publishes once.
  await page.getByRole("button", { name: "Kommentar veröffentlichen" }).dblclick();
  const item = commentList(page).getByRole("listitem").filter({ hasText: "Klick" });
  await expect(item).toBeVisible();
  expect(await db().select().from(comments).where(eq(comments.sectionId, e.sectionId))).toHaveLength(1);
  await page.reload();
  const body = commentList(page).getByRole("listitem").filter({ hasText: "Klick" }).locator(".comment__body");
  await expect(body.locator("img, script")).toHaveCount(0);
  await expect(body).toContainText('<img src=x onerror="alert(1)">');
  await expect(body.locator("strong")).toHaveText("fett");
  await expect(body.getByRole("link", { name: "https://example.org" })).toHaveAttribute("rel", "nofollow ugc noopener");
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("after the window the thread is read-only and says when it closed", async ({ browser }) => {
  const { page, user } = await signedIn(browser, "stakeholder");
  const e = await commentsEdition("closed");
  await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: user.id, body: "Noch im Fenster geschrieben." });
  await page.goto(e.path);
  await expect(thread(page).getByText(/Die Beteiligung endete am .+ Uhr/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Kommentar veröffentlichen" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /kommentieren$/ })).toHaveCount(0);
  await expect(commentList(page).getByText("Bearbeiten", { exact: true })).toHaveCount(0);
  await expect(commentList(page)).toContainText("Noch im Fenster geschrieben.");
});

test("without JavaScript a comment is a form post", async ({ browser }) => {
  const user = await createUser({ role: "stakeholder" });
  const js = await browser.newContext();
  const signPage = await js.newPage();
  await signIn(signPage, user);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await js.storageState() });
  const page = await context.newPage();
  const e = await commentsEdition("open");
  await page.goto(`${e.path}?anchor=p1#comment-form`);
  await page.getByRole("checkbox", { name: /^Die Wohnraumbörse/ }).check();
  const body = `Ohne Skript geschrieben ${Date.now()}`;
  await page.getByLabel("Ihr Kommentar zur gewählten Stelle").fill(body);
  await page.getByRole("button", { name: "Kommentar veröffentlichen" }).click();
  await expect(commentList(page).getByRole("listitem").filter({ hasText: body }).locator("blockquote")).toHaveText("Die Wohnraumbörse vermittelt freie Wohnungen.");
  await context.close();
  await js.close();
});

test("axe: the section page with comments, an open thread and the sentence picker, signed in and signed out", async ({ browser, page }) => {
  const e = await commentsEdition("open");
  const author = await createUser({ role: "stakeholder" });
  const parentId = await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: author.id, body: "Ein Kommentar mit *Betonung*.", quote: "Wohnraum für Geflüchtete bleibt knapp", revisionId: e.revisionId });
  await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: author.id, parentId, body: "Eine Antwort." });
  const { page: signed } = await signedIn(browser, "stakeholder");
  const check = async (p: Page, url: string) => {
    await p.goto(url);
    const results = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  };
  await check(signed, `${e.path}?anchor=p1&replies=${parentId}`);
  await signed.locator("details.comment-disclosure > summary").first().click();
  const results = await new AxeBuilder({ page: signed }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await signed.screenshot({ path: "test-results/comments-desktop.png", fullPage: true });
  await check(page, e.path);
  await expect(page.getByText("Kommentare lesen und schreiben können angemeldete Beteiligte.")).toBeVisible();
});

test("a comment refused on its way (the window closed meanwhile) is taken back with the reason, and the text stays in the box", async ({ browser }) => {
  const { page } = await signedIn(browser, "stakeholder");
  const e = await commentsEdition("open");
  await page.goto(e.path);
  const box = page.getByLabel("Ihr Kommentar zu diesem Abschnitt");
  // Blank: the message stands beside the field.
  await box.fill("   ");
  await page.getByRole("button", { name: "Kommentar veröffentlichen" }).click();
  await expect(page.locator("#comment-form").getByText("Bitte ausfüllen.")).toBeVisible();
  // The window closes while the person writes.
  await db().update(editions).set({ closesAt: new Date(Date.now() - 60_000) }).where(eq(editions.id, e.id));
  const body = `Zu spät abgeschickt ${Date.now()}`;
  await box.fill(body);
  await page.getByRole("button", { name: "Kommentar veröffentlichen" }).click();
  await expect(page.locator("#comment-form").getByRole("status")).toHaveText(/^Die Beteiligung endete am .+ Uhr\.$/);
  await expect(box).toHaveValue(body);
  await expect(page.getByText("Wird veröffentlicht …")).toHaveCount(0);
  await expect(commentList(page)).toHaveCount(0);
  expect(await db().select().from(comments).where(eq(comments.body, body))).toHaveLength(0);
});

test("a quote whose words were changed in a later version keeps its words and says in which version the text changed", async ({ browser }) => {
  const { page } = await signedIn(browser, "stakeholder");
  const e = await commentsEdition("open");
  const author = await createUser({ role: "stakeholder" });
  const quote = "Die Wohnraumbörse vermittelt freie Wohnungen.";
  await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: author.id, body: "Wer betreibt die Börse?", quote, revisionId: e.revisionId });
  await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: author.id, body: "Wie knapp genau?", quote: "Wohnraum für Geflüchtete bleibt knapp", revisionId: e.revisionId });
  await db()
    .insert(sectionRevisions)
    .values({
      sectionId: e.sectionId,
      number: 3,
      blocks: [
        { key: "p1", kind: "paragraph", html: `<p>${SECTION_TEXT[0]!.replace(quote, "Das Landratsamt berät Vermieterinnen und Vermieter.")}</p>` },
        { key: "p2", kind: "paragraph", html: `<p>${SECTION_TEXT[1]}</p>` },
      ],
      createdAt: new Date(Date.now() - 60_000),
    });
  await page.goto(e.path);
  const changed = commentList(page).getByRole("listitem").filter({ hasText: "Wer betreibt die Börse?" });
  await expect(changed.locator("blockquote")).toHaveText(quote);
  await expect(changed).toContainText("Text geändert in Fassung 3");
  const kept = commentList(page).getByRole("listitem").filter({ hasText: "Wie knapp genau?" });
  await expect(kept).not.toContainText("Text geändert");
});

test("20 top-level comments per page, the next page and the oldest first", async ({ browser }) => {
  const { page } = await signedIn(browser, "stakeholder");
  const e = await commentsEdition("open");
  const author = await createUser({ role: "stakeholder" });
  for (let i = 1; i <= 21; i++) {
    const id = await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: author.id, body: `Beitrag Nummer ${i}.` });
    await db().update(feedback).set({ createdAt: new Date(Date.now() - (100 - i) * 60_000) }).where(eq(feedback.id, id));
  }
  await page.goto(e.path);
  await expect(thread(page).getByRole("heading", { level: 2 })).toHaveText("Kommentare (21)");
  await expect(commentList(page).getByRole("listitem")).toHaveCount(20);
  await expect(commentList(page).getByRole("listitem").first()).toContainText("Beitrag Nummer 21.");
  await expect(page.getByText("Seite 1 von 2")).toBeVisible();
  await page.getByRole("link", { name: "Nächste Seite →" }).click();
  await expect(page.getByText("Seite 2 von 2")).toBeVisible();
  await expect(commentList(page).getByRole("listitem")).toHaveCount(1);
  await expect(commentList(page)).toContainText("Beitrag Nummer 1.");
  await page.getByRole("link", { name: "Älteste zuerst" }).click();
  await expect(page.getByRole("link", { name: "Älteste zuerst" })).toHaveAttribute("aria-current", "true");
  await expect(commentList(page).getByRole("listitem").first()).toContainText("Beitrag Nummer 1.");
  await expect(page.getByText("Seite 1 von 2")).toBeVisible();
});

test("each author appears as they chose: name and organisation, organisation only, or Privatperson — always with the group", async ({ browser }) => {
  const { page } = await signedIn(browser, "stakeholder");
  const e = await commentsEdition("open");
  const named = await createUser({ role: "stakeholder", organisationKey: "agentur-arbeit" });
  const orgOnly = await createUser({ role: "stakeholder", organisationKey: "agentur-arbeit" });
  const hidden = await createUser({ role: "council" });
  await db().update(users).set({ displayMode: "org_only" }).where(eq(users.id, orgOnly.id));
  await db().update(users).set({ displayMode: "private" }).where(eq(users.id, hidden.id));
  await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: named.id, body: "Mit Namen." });
  await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: orgOnly.id, body: "Nur Organisation." });
  await createComment({ editionId: e.id, sectionId: e.sectionId, authorId: hidden.id, body: "Als Privatperson." });
  await page.goto(e.path);
  const item = (text: string) => commentList(page).getByRole("listitem").filter({ hasText: text });
  await expect(item("Mit Namen.")).toContainText(`${named.name}, Agentur für Arbeit Göppingen`);
  await expect(item("Mit Namen.")).toContainText("Öffentliche Institutionen");
  await expect(item("Nur Organisation.")).toContainText("Agentur für Arbeit Göppingen");
  await expect(item("Nur Organisation.")).not.toContainText(orgOnly.name);
  await expect(item("Als Privatperson.")).toContainText("Privatperson");
  await expect(item("Als Privatperson.")).toContainText("Kreistag");
  await expect(item("Als Privatperson.")).not.toContainText(hidden.name);
});
