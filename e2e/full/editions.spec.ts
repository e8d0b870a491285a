import AxeBuilder from "@axe-core/playwright";
import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { chapters, notifications, sections } from "@/db/schema";
import { expect, test, type Page } from "../support/fixtures";
import { signedIn } from "../support/actors";
import { createEdition, createUser, db } from "../support/factories";
import { chaptersOf, editionRow, sectionsOf, wordFile } from "../support/editions-factories";

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A moment as a datetime-local value in German time, as the officer types it. */
function berlinLocal(d: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const docx = { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };

test("the officer copies the adopted edition, imports a Word file with preview, fixes a heading, sets the window and opens the consultation", async ({ browser }) => {
  test.setTimeout(120_000);
  const source = await createEdition({ phase: "adopted", revisions: [{ text: "Text der beschlossenen Ausgabe.", at: new Date(Date.now() - 86_400_000) }] });
  const participant = await createUser({ role: "stakeholder" });
  const officer = await signedIn(browser, "officer");
  const page = officer.page;
  const suffix = crypto.randomBytes(3).toString("hex");
  const title = `Integrationsplan E2E ${suffix}`;

  // 1. The list: the next edition is copied from the adopted one.
  await page.goto("/admin/editions");
  await expect(page).toHaveTitle(/Ausgaben/);
  await axe(page);
  await page.getByRole("button", { name: `Nächste Ausgabe anlegen aus „${source.title}“` }).click();
  const copyDialog = page.getByRole("dialog", { name: `Nächste Ausgabe aus „${source.title}“ anlegen` });
  await copyDialog.getByLabel("Jahr").fill("2999");
  await copyDialog.getByLabel("Titel").fill(title);
  await axe(page);
  await copyDialog.getByRole("button", { name: "Ausgabe anlegen" }).click();
  await expect(copyDialog.getByRole("status")).toHaveText("Die neue Ausgabe ist als Entwurf angelegt.");
  await page.keyboard.press("Escape");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const editionId = page.url().split("/").pop()!;
  const copy = await editionRow(editionId);
  expect(copy).toMatchObject({ phase: "draft", predecessorId: source.id, year: 2999 });
  // Every chapter and section keeps its key; the text starts as the adopted one.
  expect((await chaptersOf(editionId)).map((c) => c.key)).toEqual([source.chapterKey]);
  const copied = await sectionsOf(editionId);
  expect(copied.map((s) => s.key)).toEqual([source.sectionKey]);
  expect(copied[0]!.revisions.map((r) => r.blocks)).toEqual([[{ key: "p1", kind: "paragraph", html: "<p>Text der beschlossenen Ausgabe.</p>" }]]);
  await expect(page.getByText("Legen Sie zuerst unten den Beteiligungszeitraum fest")).toBeVisible();
  await axe(page);

  // 2. Word import into the chapter: a broken file changes nothing; the preview maps by title and writes nothing.
  const importer = page.getByRole("region", { name: "Word-Datei übernehmen" });
  await importer.getByLabel("Word-Datei (.docx)").setInputFiles({ name: "notiz.docx", ...docx, buffer: Buffer.from("Das ist kein Word-Dokument.") });
  await importer.getByRole("button", { name: "Vorschau anzeigen" }).click();
  await expect(importer.getByLabel("Word-Datei (.docx)")).toHaveAccessibleDescription(/Das ist keine Word-Datei \(\.docx\)\. Es wurde nichts geändert\./);
  const good = await wordFile();
  await importer.getByLabel("Word-Datei (.docx)").setInputFiles({ name: "kaputt.docx", ...docx, buffer: Buffer.concat([good.subarray(0, 300), Buffer.alloc(300, 1)]) });
  await importer.getByRole("button", { name: "Vorschau anzeigen" }).click();
  await expect(importer.getByRole("alert")).toHaveText("Die Word-Datei ist beschädigt oder kann nicht gelesen werden. Es wurde nichts geändert.");
  expect(await sectionsOf(editionId)).toEqual(copied);

  await importer.getByLabel("Word-Datei (.docx)").setInputFiles({ name: "integrationsplan.docx", ...docx, buffer: good });
  await importer.getByLabel("Ziel").selectOption({ label: "1 Testkapitel" });
  await importer.getByRole("button", { name: "Vorschau anzeigen" }).click();
  await expect(importer.getByRole("heading", { name: "Vorschau: 2 Abschnitte" })).toBeFocused();
  const first = importer.getByRole("combobox", { name: /^1\.1 Testabschnitt/ });
  await expect(first).toHaveAccessibleDescription("Passt nach dem Titel zu 1.1 Testabschnitt.");
  await expect(first).toHaveValue(source.sectionKey);
  await expect(importer.getByRole("combobox", { name: /^1\.2 Sprachkurse im Betrieb/ })).toHaveValue("new");
  await expect(importer.getByText("(1 Absatz, 1 Liste, 1 Tabelle)").first()).toBeVisible();
  await axe(page);
  expect(await sectionsOf(editionId)).toEqual(copied);
  await importer.getByRole("button", { name: "Übernehmen" }).click();
  await expect(importer.getByRole("status")).toHaveText("Übernommen: 2 neue Fassungen, 1 neuer Abschnitt.");
  const imported = await sectionsOf(editionId);
  expect(imported.map((s) => s.title)).toEqual(["Testabschnitt", "Sprachkurse im Betrieb"]);
  expect(imported[0]!.revisions.map((r) => r.number)).toEqual([2, 1]);
  expect(imported[0]!.revisions[0]!.blocks.map((b) => b.kind)).toEqual(["paragraph", "list", "table"]);
  // The changed first paragraph keeps its key, so comments on it stay anchored.
  expect(imported[0]!.revisions[0]!.blocks[0]!.key).toBe("p1");
  expect(imported[0]!.revisions[0]!.blocks[0]!.html).toBe("<p><strong>Aus Word</strong> übernommen (1).</p>");
  const outline = page.getByRole("region", { name: "Gliederung" });
  await expect(outline.getByRole("link", { name: "1.2 Sprachkurse im Betrieb" })).toBeVisible();

  // 3. The editor: the heading is fixed and the text changed; a new revision, the old one kept, keys kept.
  await outline.getByRole("link", { name: "1.2 Sprachkurse im Betrieb" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("1.2 Sprachkurse im Betrieb");
  const editor = page.getByRole("textbox", { name: "Text" });
  await expect(editor).toContainText("Aus Word übernommen (2).");
  await axe(page);
  await page.getByLabel("Überschrift des Abschnitts").fill("Sprachkurse am Arbeitsplatz");
  await editor.getByText("Aus Word übernommen (2).").click();
  await page.keyboard.press("End");
  const bold = page.getByRole("toolbar", { name: "Textformat" }).getByRole("button", { name: "Fett" });
  await expect(bold).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Control+b");
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type(" Mit Kinderbetreuung.");
  await page.getByLabel("Notiz zur Änderung (freiwillig)").fill("Überschrift korrigiert");
  await page.getByRole("button", { name: "Neue Fassung speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gespeichert" })).toHaveText("Gespeichert als Fassung 2.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("1.2 Sprachkurse am Arbeitsplatz");
  await expect(page.getByText(/^Fassung 2 vom .+, /)).toBeVisible();
  await expect(page.getByText("Notiz: Überschrift korrigiert")).toBeVisible();
  const edited = (await sectionsOf(editionId))[1]!;
  expect(edited.title).toBe("Sprachkurse am Arbeitsplatz");
  expect(edited.revisions.map((r) => r.number)).toEqual([2, 1]);
  const [now, before] = [edited.revisions[0]!.blocks, edited.revisions[1]!.blocks];
  expect(now.map((b) => b.key)).toEqual(before.map((b) => b.key));
  expect(now[0]!.html).toBe("<p><strong>Aus Word</strong> übernommen (2).<strong> Mit Kinderbetreuung.</strong></p>");
  // Saving the same text again makes no revision.
  await page.getByRole("button", { name: "Neue Fassung speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "geändert" })).toHaveText("Nichts geändert – es wurde keine neue Fassung angelegt.");
  expect((await sectionsOf(editionId))[1]!.revisions).toHaveLength(2);

  // 4. The window: refused when it ends before it starts, then saved in German time.
  await page.getByRole("link", { name: title }).click();
  const settings = page.getByRole("region", { name: "Titel und Beteiligungszeitraum" });
  const opens = new Date(Date.now() - 60 * 60_000);
  const closes = new Date(Date.now() + 30 * 86_400_000);
  await settings.getByLabel("Beginn").fill(berlinLocal(closes));
  await settings.getByLabel("Ende").fill(berlinLocal(opens));
  await settings.getByRole("button", { name: "Speichern" }).click();
  await expect(settings.getByLabel("Ende")).toHaveAccessibleDescription("Das Ende muss nach dem Beginn liegen.");
  await settings.getByLabel("Beginn").fill(berlinLocal(opens));
  await settings.getByLabel("Ende").fill(berlinLocal(closes));
  await settings.getByRole("button", { name: "Speichern" }).click();
  await expect(settings.getByRole("status")).toHaveText("Gespeichert.");
  const windowed = await editionRow(editionId);
  expect(Math.abs(windowed.opensAt!.getTime() - opens.getTime())).toBeLessThan(60_000);
  expect(Math.abs(windowed.closesAt!.getTime() - closes.getTime())).toBeLessThan(60_000);

  // 5. Opening the consultation: the confirmation names the consequences; participants are told.
  const phase = page.getByRole("region", { name: "Phase" });
  await phase.getByRole("button", { name: "Beteiligung eröffnen" }).click();
  const confirm = page.getByRole("dialog", { name: "Beteiligung eröffnen?" });
  await expect(confirm.getByText(/^\d+ (Person wird|Personen werden) benachrichtigt\.$/)).toBeVisible();
  await expect(confirm.getByText(/^Die Beteiligung beginnt sofort und endet am .+ Uhr\.$/)).toBeVisible();
  await expect(confirm.getByText("Gliederung und Text können dann nicht mehr bearbeitet werden.")).toBeVisible();
  await axe(page);
  await confirm.getByRole("button", { name: "Ja, Beteiligung eröffnen" }).click();
  await expect(phase.getByRole("status")).toHaveText("Die Phase ist gewechselt.");
  await expect(confirm).toBeHidden();
  await expect(page.getByText("Beteiligung läuft").first()).toBeVisible();
  await expect(page.getByText("In der Phase „Beteiligung läuft“ können Gliederung und Text nicht bearbeitet werden.")).toBeVisible();
  await expect(page.getByRole("button", { name: /umbenennen/ })).toHaveCount(0);
  expect((await editionRow(editionId)).phase).toBe("consultation");
  const told = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, participant.id), eq(notifications.kind, "consultation_opened"), sql`${notifications.data}->>'editionId' = ${editionId}`));
  expect(told[0]!.n).toBe(1);
  await axe(page);
  await officer.context.close();
});

test("outline changes: add, rename, move and remove; a section with comments is kept with the reason", async ({ browser }) => {
  const e = await createEdition({ phase: "draft", revisions: [{ text: "Ein Absatz.", at: new Date() }] });
  const officer = await signedIn(browser, "officer");
  const page = officer.page;
  await page.goto(`/admin/editions/${e.id}`);
  const outline = page.getByRole("region", { name: "Gliederung" });
  await outline.getByRole("button", { name: "Abschnitt hinzufügen zu „Testkapitel“" }).click();
  let dialog = page.getByRole("dialog", { name: "Abschnitt hinzufügen zu „Testkapitel“" });
  await dialog.getByLabel("Titel").fill("Zweiter Abschnitt");
  await dialog.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(outline.getByRole("link", { name: "1.2 Zweiter Abschnitt" })).toBeVisible();
  await outline.getByRole("button", { name: "Abschnitt „Zweiter Abschnitt“ nach oben" }).click();
  await expect(outline.getByRole("link", { name: "1.1 Zweiter Abschnitt" })).toBeVisible();
  await expect(outline.getByRole("link", { name: "1.2 Testabschnitt" })).toBeVisible();
  await outline.getByRole("button", { name: "Kapitel „Testkapitel“ umbenennen" }).click();
  dialog = page.getByRole("dialog", { name: "Kapitel „Testkapitel“ umbenennen" });
  await dialog.getByLabel("Titel").fill("Wohnen");
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await expect(outline.getByRole("heading", { name: "1 Wohnen" })).toBeVisible();
  expect((await chaptersOf(e.id)).map((c) => c.key)).toEqual([e.chapterKey]);

  // A comment on the original section: removing it is refused and the section stays.
  const author = await createUser({ role: "stakeholder" });
  const [chapter] = await db().select({ id: chapters.id }).from(chapters).where(eq(chapters.key, e.chapterKey));
  expect(chapter).toBeTruthy();
  await db().execute(sql`with f as (insert into feedback (kind, edition_id, author_id, group_id) select 'comment', ${e.id}, id, group_id from users where id = ${author.id} returning id)
    insert into comments (feedback_id, section_id, body) select f.id, ${e.sectionId}, 'Bitte ergänzen.' from f`);
  await page.reload();
  await outline.getByRole("button", { name: "Abschnitt „Testabschnitt“ entfernen" }).click();
  dialog = page.getByRole("dialog", { name: "Abschnitt „Testabschnitt“ entfernen" });
  await expect(dialog.getByText("Zu diesem Abschnitt gibt es einen Kommentar. Er kann deshalb nicht entfernt werden.")).toBeVisible();
  await dialog.getByRole("button", { name: "Endgültig entfernen" }).click();
  await expect(outline.getByRole("status")).toHaveText("Zu diesem Abschnitt gibt es Kommentare; er kann deshalb nicht entfernt werden.");
  expect(await db().select({ id: sections.id }).from(sections).where(eq(sections.id, e.sectionId))).toHaveLength(1);
  // The new, comment-free one goes.
  await outline.getByRole("button", { name: "Abschnitt „Zweiter Abschnitt“ entfernen" }).click();
  await page.getByRole("dialog", { name: "Abschnitt „Zweiter Abschnitt“ entfernen" }).getByRole("button", { name: "Endgültig entfernen" }).click();
  await expect(outline.getByRole("link", { name: "Zweiter Abschnitt" })).toHaveCount(0);
  expect((await sectionsOf(e.id)).map((s) => s.key)).toEqual([e.sectionKey]);
  await axe(page);
  await officer.context.close();
});

test("pasting from Word keeps lists and tables and drops styles; the pasted blocks get new keys and the old paragraph keeps its own", async ({ browser }) => {
  const e = await createEdition({ phase: "draft", revisions: [{ text: "Vorhandener Absatz.", at: new Date() }] });
  const officer = await signedIn(browser, "officer");
  const page = officer.page;
  await page.goto(`/admin/editions/${e.id}/sections/${e.sectionKey}`);
  const editor = page.getByRole("textbox", { name: "Text" });
  await editor.getByText("Vorhandener Absatz.").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  // What Word puts on the clipboard: list paragraphs with typed markers, a styled table, fonts and colours.
  const word = `<p class=MsoNormal style='font-family:"Calibri";color:#C00000'><span style='font-size:14pt'>Aus Word <b>fett</b></span></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><![endif]>Erster Punkt</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>Zweiter Punkt</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span><![endif]>Nummeriert</p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td style='width:100pt;background:yellow'><p class=MsoNormal>Jahr</p></td><td><p class=MsoNormal>Kurse</p></td></tr></table>`;
  await editor.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "Aus Word");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, word);
  await expect(editor.getByRole("listitem")).toHaveCount(3);
  await expect(editor.getByRole("table")).toBeVisible();
  await page.getByRole("button", { name: "Neue Fassung speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Gespeichert" })).toHaveText("Gespeichert als Fassung 2.");
  const [now, before] = (await sectionsOf(e.id))[0]!.revisions.map((r) => r.blocks);
  expect(before).toEqual([{ key: "p1", kind: "paragraph", html: "<p>Vorhandener Absatz.</p>" }]);
  expect(now!.map((b) => [b.kind, b.html])).toEqual([
    ["paragraph", "<p>Vorhandener Absatz.</p>"],
    ["paragraph", "<p>Aus Word <strong>fett</strong></p>"],
    ["list", "<ul><li>Erster Punkt</li><li>Zweiter Punkt</li></ul>"],
    ["list", "<ol><li>Nummeriert</li></ol>"],
    ["table", "<table><tbody><tr><td>Jahr</td><td>Kurse</td></tr></tbody></table>"],
  ]);
  expect(now![0]!.key).toBe("p1");
  expect(new Set(now!.map((b) => b.key)).size).toBe(5);
  await officer.context.close();
});
