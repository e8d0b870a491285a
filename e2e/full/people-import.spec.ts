import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { eq, inArray, like } from "drizzle-orm";
import { invitations, sessions, users } from "@/db/schema";
import { expect, test, type Page } from "../support/fixtures";
import { signedIn } from "../support/actors";
import { db } from "../support/factories";
import { extractLink, waitForMail } from "../support/mail";
import { createInvitedPerson, germanExcelCsv } from "../support/people-factories";

const heading = ["E-Mail", "Name", "Rolle", "Gruppe", "Organisation", "Gemeinde"];

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const region = page.getByRole("region", { name: "Viele Personen aus einer Datei einladen" });
  await region.getByLabel("Datei (CSV oder XLSX, höchstens 2 MB)").setInputFiles(file);
  await region.getByRole("button", { name: "Datei einlesen und einladen" }).click();
  return region;
}

test("the officer invites people from a German Excel CSV (semicolons, Windows-1252, umlauts); the mail arrives and its link sets a password after accepting the terms", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const tag = `csv${Date.now()}`;
  const after = new Date();
  const jürgen = `juergen-${tag}@e2e.example`;
  const csv = germanExcelCsv([
    heading,
    [jürgen, "Jürgen Weiß", "Beteiligte", "Ehrenamtlich Engagierte", "", "Süßen"],
    [`oezlem-${tag}@e2e.example`, "Özlem Çelik", "", "Migrant*innenorganisationen", "Türkisch-Deutscher Kulturverein Göppingen e. V.", "Göppingen"],
  ]);
  expect(() => new TextDecoder("utf-8", { fatal: true }).decode(csv)).toThrow();
  const page = officer.page;
  await page.goto(`/admin/users?q=${tag}`);
  await expect(page.getByText("Keine Person passt zu dieser Suche.")).toBeVisible();
  const region = await upload(page, { name: "Einladungen.csv", mimeType: "text/csv", buffer: csv });
  await expect(region.getByRole("status")).toHaveText("2 Personen sind eingeladen; die Einladungen sind in den Versand gegeben.");
  await expect(page.getByRole("heading", { name: "Gefundene Personen (2)" })).toBeVisible();
  const row = page.getByRole("row", { name: /Jürgen Weiß/ });
  await expect(row.getByText("eingeladen", { exact: true })).toBeVisible();
  await expect(row.getByText("Süßen")).toBeVisible();
  await expect(page.getByRole("row", { name: /Özlem Çelik/ }).getByText("Türkisch-Deutscher Kulturverein Göppingen e. V.")).toBeVisible();

  const mail = await waitForMail({ to: jürgen, after });
  expect(mail.subject).toBe("Einladung zur Beteiligung am Integrationsplan");
  expect(mail.text).toContain("Jürgen Weiß");
  const context = await browser.newContext();
  const invited = await context.newPage();
  await invited.goto(extractLink(mail.text));
  await expect(invited.getByText("Willkommen, Jürgen Weiß!")).toBeVisible();
  await invited.getByLabel("Neues Passwort (mindestens 10 Zeichen)").fill("ein-gutes-passwort");
  await invited.getByLabel("Passwort wiederholen").fill("ein-gutes-passwort");
  await invited.getByLabel("Ich habe die Nutzungsbedingungen gelesen und stimme zu.").check();
  await invited.getByRole("button", { name: "Passwort festlegen" }).click();
  await expect(invited.getByText("Angemeldet als Jürgen Weiß")).toBeVisible();
  const [saved] = await db().select({ terms: users.termsAcceptedAt }).from(users).where(eq(users.email, jürgen));
  expect(saved!.terms).not.toBeNull();
  await context.close();
  await officer.context.close();
});

test("an XLSX file imports too: a council member in the group Kreistag", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const tag = `xlsx${Date.now()}`;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Personen");
  sheet.addRow(heading);
  sheet.addRow([`rat-${tag}@e2e.example`, "Hülya Kaya", "Kreistag", "Kreistag", "", "Göppingen"]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await officer.page.goto(`/admin/users?q=${tag}`);
  const region = await upload(officer.page, { name: "kreistag.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await expect(region.getByRole("status")).toHaveText("1 Person ist eingeladen; die Einladung ist in den Versand gegeben.");
  const row = officer.page.getByRole("row", { name: /Hülya Kaya/ });
  await expect(row.getByRole("cell", { name: "Kreistag" })).toHaveCount(2);
  await officer.context.close();
});

test("a file with a bad row imports nobody and names each row, column and problem; the report passes axe", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const tag = `bad${Date.now()}`;
  const csv = germanExcelCsv([
    heading,
    [`gut-${tag}@e2e.example`, "Gute Zeile", "", "Ehrenamtlich Engagierte", "", ""],
    ["keine-adresse", "Schlechte Zeile", "", "Ehrenamtlich Engagierte", "", ""],
    [`auch-gut-${tag}@e2e.example`, "Noch eine", "", "Gibt es nicht", "", ""],
  ]);
  const page = officer.page;
  await page.goto(`/admin/users?q=${tag}`);
  const region = await upload(page, { name: "fehler.csv", mimeType: "text/csv", buffer: csv });
  const report = region.getByRole("alert");
  await expect(report).toBeFocused();
  await expect(report.getByText("Niemand wurde eingeladen: 2 Zeilen sind zu korrigieren.")).toBeVisible();
  await expect(report.getByRole("row", { name: /^3 / })).toContainText("E-Mail");
  await expect(report.getByRole("row", { name: /^3 / })).toContainText("„keine-adresse“ ist keine E-Mail-Adresse.");
  await expect(report.getByRole("row", { name: /^4 / })).toContainText("Die Gruppe „Gibt es nicht“ gibt es nicht.");
  await expect(page.getByText("Keine Person passt zu dieser Suche.")).toBeVisible();
  expect(await db().select({ id: users.id }).from(users).where(like(users.email, `%${tag}%`))).toEqual([]);
  await axe(page);
  await officer.context.close();
});

test("the officer withdraws an invitation and sends a new one; a withdrawn, expired or used link is refused", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const person = await createInvitedPerson();
  const page = officer.page;
  await page.goto(`/admin/users?q=${person.email}`);
  const row = page.getByRole("row", { name: new RegExp(person.name) });
  await row.getByRole("button", { name: `Einladung zurückziehen: ${person.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`Die Einladung an ${person.name} ist zurückgezogen; ihr Link gilt nicht mehr.`);
  await expect(row.getByText("Einladung zurückgezogen")).toBeVisible();
  await expect(row.getByRole("button", { name: `Einladung zurückziehen: ${person.name}` })).toHaveCount(0);

  const other = await browser.newContext();
  const visitor = await other.newPage();
  const invalid = "Diese Einladung ist ungültig, abgelaufen oder wurde schon angenommen.";
  await visitor.goto(`/invitation/${person.token}`);
  await expect(visitor.getByText(invalid)).toBeVisible();

  const after = new Date();
  await row.getByRole("button", { name: `Einladung erneut senden: ${person.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`Neue Einladung an ${person.name} ist in den Versand gegeben; der alte Link gilt nicht mehr.`);
  const mail = await waitForMail({ to: person.email, after });
  const fresh = extractLink(mail.text);
  expect(fresh).not.toContain(person.token);
  await visitor.goto(`/invitation/${person.token}`);
  await expect(visitor.getByText(invalid)).toBeVisible();
  await visitor.goto(fresh);
  await expect(visitor.getByText(`Willkommen, ${person.name}!`)).toBeVisible();
  await visitor.getByLabel("Neues Passwort (mindestens 10 Zeichen)").fill("ein-gutes-passwort");
  await visitor.getByLabel("Passwort wiederholen").fill("ein-gutes-passwort");
  await visitor.getByLabel("Ich habe die Nutzungsbedingungen gelesen und stimme zu.").check();
  await visitor.getByRole("button", { name: "Passwort festlegen" }).click();
  await expect(visitor.getByText(`Angemeldet als ${person.name}`)).toBeVisible();
  // Used: refused.
  await visitor.goto(fresh);
  await expect(visitor.getByText(invalid)).toBeVisible();

  // Expired (older than 14 days): refused, and the list says so.
  const late = await createInvitedPerson();
  await db().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.userId, late.id));
  await visitor.goto(`/invitation/${late.token}`);
  await expect(visitor.getByText(invalid)).toBeVisible();
  await page.goto(`/admin/users?q=${late.email}`);
  await expect(page.getByRole("row", { name: new RegExp(late.name) }).getByText("Einladung abgelaufen")).toBeVisible();
  await other.close();
  await officer.context.close();
});

test("with many people: search, filter by state, page through, and resend or deactivate a selection; a deactivated person is signed out at the next request", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const tag = `viele${Date.now()}`;
  const rows = Array.from({ length: 55 }, (_, i) => [`p${String(i).padStart(2, "0")}-${tag}@e2e.example`, `Person ${String(i).padStart(2, "0")} ${tag}`, "", "Ehrenamtlich Engagierte", "", ""]);
  const page = officer.page;
  await page.goto(`/admin/users?q=${tag}`);
  const region = await upload(page, { name: "viele.csv", mimeType: "text/csv", buffer: germanExcelCsv([heading, ...rows]) });
  await expect(region.getByRole("status")).toHaveText("55 Personen sind eingeladen; die Einladungen sind in den Versand gegeben.");

  // Search by address: exactly one.
  await page.goto("/admin/users");
  const filters = page.getByRole("search", { name: "Personen suchen und filtern" });
  await filters.getByLabel("Name oder E-Mail-Adresse").fill(`p07-${tag}@e2e.example`);
  await filters.getByRole("button", { name: "Suchen" }).click();
  await expect(page.getByRole("heading", { name: "Gefundene Personen (1)" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`Person 07 ${tag}`) })).toBeVisible();

  // Search by name and state: 55 on two pages of 50.
  await filters.getByLabel("Name oder E-Mail-Adresse").fill(tag);
  await filters.getByLabel("Status").selectOption({ label: "eingeladen" });
  await filters.getByRole("button", { name: "Suchen" }).click();
  await expect(page).toHaveURL(/state=invited/);
  await expect(page.getByRole("heading", { name: "Gefundene Personen (55)" })).toBeVisible();
  const pager = page.getByRole("navigation", { name: "Seiten" });
  await expect(pager).toContainText("Seite 1 von 2");
  await expect(page.locator("#people tbody tr")).toHaveCount(50);
  await pager.getByRole("link", { name: "Nächste Seite" }).click();
  await expect(pager).toContainText("Seite 2 von 2");
  await expect(page.locator("#people tbody tr")).toHaveCount(5);
  await expect(page.getByRole("row", { name: new RegExp(`Person 54 ${tag}`) })).toBeVisible();

  // Resend to two.
  const after = new Date();
  await page.getByLabel(`Person 50 ${tag} auswählen`).check();
  await page.getByLabel(`Person 51 ${tag} auswählen`).check();
  await page.getByRole("button", { name: "Einladungen erneut senden" }).click();
  await expect(page.getByText("2 Einladungen sind in den Versand gegeben.")).toBeVisible();
  await waitForMail({ to: `p51-${tag}@e2e.example`, after });

  // Deactivate the whole page (the officer's own row has no checkbox).
  // Nothing ticked: the confirmation says so and offers no way to go on.
  await page.getByRole("button", { name: "Deaktivieren", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Ausgewählte Personen deaktivieren?" });
  await expect(confirm).toContainText("Bitte kreuzen Sie zuerst in der Liste an, wen Sie deaktivieren möchten.");
  await expect(confirm.getByRole("button", { name: "Deaktivieren" })).toHaveCount(0);
  await confirm.getByRole("button", { name: "Abbrechen" }).click();
  await page.getByLabel("Alle auf dieser Seite auswählen").check();
  await page.getByRole("button", { name: "Deaktivieren", exact: true }).click();
  await expect(confirm).toContainText("Die 5 ausgewählten Personen werden sofort abgemeldet und können sich nicht mehr anmelden.");
  await confirm.getByRole("button", { name: "Deaktivieren" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("5 Personen sind deaktiviert und abgemeldet.")).toBeVisible();
  await page.goto(`/admin/users?q=${tag}&state=inactive`);
  await expect(page.getByRole("heading", { name: "Gefundene Personen (5)" })).toBeVisible();

  // A signed-in person deactivated in bulk is signed out at their next request.
  const stakeholder = await signedIn(browser, "stakeholder");
  await page.goto(`/admin/users?q=${stakeholder.user.email}`);
  await page.getByLabel(`${stakeholder.user.name} auswählen`).check();
  await page.getByRole("button", { name: "Deaktivieren", exact: true }).click();
  await expect(confirm).toContainText("Die ausgewählte Person wird sofort abgemeldet und kann sich nicht mehr anmelden.");
  await confirm.getByRole("button", { name: "Deaktivieren" }).click();
  await expect(page.getByText("1 Person ist deaktiviert und abgemeldet.")).toBeVisible();
  expect(await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, stakeholder.user.id))).toEqual([]);
  await stakeholder.page.goto("/account");
  await expect(stakeholder.page.getByText(`Angemeldet als ${stakeholder.user.name}`)).toHaveCount(0);
  await expect(stakeholder.page).toHaveURL(/\/signin/);
  await stakeholder.context.close();
  const inactive = await db().select({ active: users.active }).from(users).where(inArray(users.email, [`p50-${tag}@e2e.example`, `p00-${tag}@e2e.example`]));
  expect(inactive.map((u) => u.active).sort()).toEqual([false, true]);
  await axe(page);
  await officer.context.close();
});

test("the people page passes axe, the terms page is public", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  await officer.page.goto("/admin/users");
  await axe(officer.page);
  await officer.page.goto("/nutzungsbedingungen");
  await expect(officer.page.getByRole("heading", { level: 1, name: "Nutzungsbedingungen" })).toBeVisible();
  await axe(officer.page);
  await officer.context.close();
});
