import { and, eq } from "drizzle-orm";
import { comments, notifications, users } from "@/db/schema";
import { signedIn } from "../support/actors";
import { createUser, db } from "../support/factories";
import { createSectionComment, engagementEdition, replyWithNotification, reportsOf } from "../support/engagement-factories";
import { waitForMail } from "../support/mail";
import { expect, test } from "../support/fixtures";

test("a reply reaches the comment's author by e-mail and in the bell; marking it read empties the bell", async ({ browser }) => {
  const edition = await engagementEdition("open");
  const author = await signedIn(browser, "stakeholder");
  const replier = await createUser({ role: "stakeholder", group: "institutionen" });
  const commentId = await createSectionComment({ editionId: edition.id, sectionId: edition.sectionId, authorId: author.user.id, body: "Wo sind die Kurse?" });
  const after = new Date();
  const replyId = await replyWithNotification({ editionId: edition.id, sectionId: edition.sectionId, commentId, authorId: author.user.id, replierId: replier.id, body: "Im Landratsamt." });

  const mail = await waitForMail({ to: author.user.email, after, subject: "Planwerk: Antwort auf Ihren Kommentar" });
  expect(mail.text).toContain("Jemand hat auf Ihren Kommentar im Abschnitt „Testabschnitt“ geantwortet.");
  expect(mail.text).toContain(`/editions/${edition.id}/sections/${edition.sectionKey}#comment-${replyId}`);
  expect(mail.text).not.toContain("Im Landratsamt.");

  const { page } = author;
  await page.goto("/");
  const bell = page.getByRole("link", { name: "Benachrichtigungen, 1 ungelesen" });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Benachrichtigungen" })).toBeVisible();
  await expect(page.getByText("Eine ungelesene Benachrichtigung.")).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: "Antwort auf Ihren Kommentar" });
  await expect(item.getByText("Jemand hat auf Ihren Kommentar im Abschnitt „Testabschnitt“ geantwortet.")).toBeVisible();
  await expect(item.getByRole("link", { name: "Antwort auf Ihren Kommentar" })).toHaveAttribute("href", `/editions/${edition.id}/sections/${edition.sectionKey}#comment-${replyId}`);
  await item.getByRole("button", { name: /^„Antwort auf Ihren Kommentar“ vom .+ als gelesen markieren$/ }).click();
  await expect(page.getByText("Alles gelesen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Benachrichtigungen", exact: true })).toBeVisible();
  const [row] = await db().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.userId, author.user.id));
  expect(row!.readAt).not.toBeNull();
  await author.context.close();
});

test("with the daily digest chosen, a reply sends no mail at once but shows in the app; mark all read", async ({ browser }) => {
  const edition = await engagementEdition("open");
  const author = await signedIn(browser, "council");
  const { page } = author;
  await page.goto("/account");
  await page.getByRole("radio", { name: /^Einmal täglich/ }).check();
  await page.getByRole("button", { name: "Einstellung speichern" }).click();
  await expect(page.getByText("Ihre Einstellung ist gespeichert.")).toBeVisible();
  const [u] = await db().select({ f: users.notificationFrequency }).from(users).where(eq(users.id, author.user.id));
  expect(u!.f).toBe("daily");

  const replier = await createUser({ role: "stakeholder" });
  const commentId = await createSectionComment({ editionId: edition.id, sectionId: edition.sectionId, authorId: author.user.id, body: "Erster." });
  for (const body of ["Antwort eins.", "Antwort zwei."]) {
    await replyWithNotification({ editionId: edition.id, sectionId: edition.sectionId, commentId, authorId: author.user.id, replierId: replier.id, body });
  }
  const rows = await db().select({ emailedAt: notifications.emailedAt }).from(notifications).where(eq(notifications.userId, author.user.id));
  expect(rows).toHaveLength(2);
  expect(rows.every((r) => r.emailedAt === null)).toBe(true);
  await page.goto("/notifications");
  await expect(page.getByText("2 ungelesene Benachrichtigungen.")).toBeVisible();
  await page.getByRole("button", { name: "Alle als gelesen markieren" }).click();
  await expect(page.getByText("Alles gelesen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Benachrichtigungen", exact: true })).toBeVisible();
  await author.context.close();
});

test("a participant reports someone else's comment once, with the reason required for “other”", async ({ browser }) => {
  const edition = await engagementEdition("open");
  const writer = await createUser({ role: "stakeholder" });
  const commentId = await createSectionComment({ editionId: edition.id, sectionId: edition.sectionId, authorId: writer.id, body: "Kauft billige Uhren!" });
  const reporter = await signedIn(browser, "stakeholder");
  const { page } = reporter;
  await page.goto(`/editions/${edition.id}/sections/${edition.sectionKey}`);
  const comment = page.locator(`#comment-${commentId}`);
  await comment.getByRole("button", { name: /meld/i }).click();
  const dialog = page.getByRole("dialog", { name: "Beitrag melden" });
  await dialog.getByRole("radio", { name: "Anderer Grund" }).check();
  await dialog.getByRole("button", { name: "Meldung senden" }).click();
  await expect(dialog.getByLabel("Ihre Begründung")).toHaveAccessibleDescription(/Bitte beschreiben Sie den Grund\./);
  expect(await reportsOf(commentId)).toHaveLength(0);
  await dialog.getByLabel("Ihre Begründung").fill("Werbung für Uhren.");
  await dialog.getByRole("button", { name: "Meldung senden" }).click();
  await expect(dialog).toBeHidden();
  await expect(comment.getByText("Danke, Ihre Meldung ist eingegangen.")).toBeVisible();
  const [r] = await reportsOf(commentId);
  expect(r).toMatchObject({ reporterId: reporter.user.id, category: "other", reason: "Werbung für Uhren.", status: "open" });

  await comment.getByRole("button", { name: /meld/i }).click();
  await dialog.getByRole("button", { name: "Meldung senden" }).click();
  await expect(comment.getByText("Sie haben diesen Beitrag schon gemeldet.")).toBeVisible();
  expect(await reportsOf(commentId)).toHaveLength(1);
  await reporter.context.close();
});

test("search finds a compound word by its part; the public searches only the plan text; comments render inert", async ({ browser, page }) => {
  const edition = await engagementEdition("open", "Die Integrationskurse des Landkreises sind ausgebucht.");
  const writer = await createUser({ role: "stakeholder" });
  const base = { editionId: edition.id, sectionId: edition.sectionId, authorId: writer.id };
  await createSectionComment({ ...base, body: 'Mehr Sprachkurse am Abend <img src=x onerror="window.__xss=1"> [Link](javascript:alert(1)) <script>window.__xss=2</script>' });
  const deleted = await createSectionComment({ ...base, body: "Gelöschter Kursbeitrag" });
  await db().update(comments).set({ body: "", deletedAt: new Date() }).where(eq(comments.feedbackId, deleted));
  const hidden = await createSectionComment({ ...base, body: "Versteckter Kursbeitrag" });
  await db().update(comments).set({ hiddenAt: new Date(), hiddenReason: "Werbung" }).where(eq(comments.feedbackId, hidden));

  await page.goto(`/editions/${edition.id}`);
  await page.getByRole("link", { name: "In dieser Ausgabe suchen" }).click();
  await page.getByRole("searchbox", { name: "Suchbegriff" }).fill("Kurs");
  await page.getByRole("button", { name: "Suchen" }).click();
  await expect(page.getByRole("status")).toHaveText("Ein Treffer für „Kurs“.");
  await expect(page.getByRole("heading", { name: "Im Text des Plans" })).toBeVisible();
  await expect(page.locator("mark")).toHaveText(["kurs"]);
  await expect(page.getByRole("link", { name: "Testabschnitt" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "In Kommentaren" })).toHaveCount(0);

  const reader = await signedIn(browser, "stakeholder");
  await reader.page.goto(`/editions/${edition.id}/search?q=kurs`);
  await expect(reader.page.getByRole("status")).toHaveText("2 Treffer für „kurs“.");
  const hits = reader.page.getByRole("region", { name: "In Kommentaren" });
  await expect(hits.getByRole("listitem")).toHaveCount(1);
  await expect(hits).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(hits.locator("img, script, a[href^='javascript']")).toHaveCount(0);
  expect(await reader.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(reader.page.getByText(/Gelöschter|Versteckter/)).toHaveCount(0);
  await reader.context.close();
});

test("my contributions list what I wrote with its status", async ({ browser }) => {
  const edition = await engagementEdition("open");
  const me = await signedIn(browser, "stakeholder");
  const base = { editionId: edition.id, sectionId: edition.sectionId, authorId: me.user.id };
  const edited = await createSectionComment({ ...base, body: "Bearbeiteter **Kommentar**." });
  await db().update(comments).set({ editedAt: new Date() }).where(eq(comments.feedbackId, edited));
  const gone = await createSectionComment({ ...base, body: "" });
  await db().update(comments).set({ deletedAt: new Date() }).where(and(eq(comments.feedbackId, gone)));
  const hidden = await createSectionComment({ ...base, body: "Ausgeblendeter Kommentar." });
  await db().update(comments).set({ hiddenAt: new Date(), hiddenReason: "Beleidigend" }).where(eq(comments.feedbackId, hidden));

  const { page } = me;
  await page.goto("/");
  await page.getByRole("link", { name: "Meine Beiträge" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Meine Beiträge" })).toBeVisible();
  const list = page.getByRole("region", { name: "Kommentare" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  const editedItem = list.getByRole("listitem").filter({ hasText: "Bearbeiteter Kommentar." });
  await expect(editedItem.getByText("Bearbeitet", { exact: true })).toBeVisible();
  await expect(editedItem.getByRole("link", { name: "Abschnitt Testabschnitt" })).toHaveAttribute("href", `/editions/${edition.id}/sections/${edition.sectionKey}#comment-${edited}`);
  await expect(list.getByRole("listitem").filter({ hasText: "Der Text wurde gelöscht." }).getByText("Gelöscht", { exact: true })).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: "Ausgeblendeter Kommentar." }).getByText("Ausgeblendet: Beleidigend")).toBeVisible();
  await expect(page.getByText("Sie haben noch keine Vorschläge gemacht.")).toBeVisible();
  await me.context.close();
});
