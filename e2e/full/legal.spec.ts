import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../support/fixtures";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, mailOutbox } from "@/db/schema";
import { createUser, db } from "../support/factories";
import { waitForMail } from "../support/mail";

const feedbackForm = (page: Page) => page.getByRole("region", { name: "Barriere melden" });
const legalNav = (page: Page) => page.getByRole("contentinfo").getByRole("navigation", { name: "Rechtliches" });

async function feedbackCounts() {
  const [mails] = await db().select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(eq(mailOutbox.kind, "accessibility_feedback"));
  const [audits] = await db().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, "accessibility.feedback"));
  return { mails: mails!.n, audits: audits!.n };
}

test("the footer of every page leads to the Impressum, the privacy notice and the accessibility statement", async ({ page }) => {
  await page.goto("/");
  await legalNav(page).getByRole("link", { name: "Impressum" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Impressum" })).toBeVisible();
  // The full suite runs without an operator file and outside demo mode: the page says so.
  await expect(page.getByRole("note")).toContainText("Angaben des Betreibers fehlen:");
  await expect(page.getByRole("heading", { name: "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV" })).toBeVisible();

  await page.goto("/signin");
  await legalNav(page).getByRole("link", { name: "Datenschutz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Datenschutzerklärung" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ihre Rechte" })).toBeVisible();
  await expect(page.getByText("Auskunft über die zu Ihnen gespeicherten Daten (Art. 15 DSGVO),")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Beschwerde bei der Aufsichtsbehörde" })).toBeVisible();
  // Server-log retention is the operator's fact; without the file the page says who decides.
  await expect(page.getByText("Die Aufbewahrungsdauer legt der Betreiber fest.")).toBeVisible();

  await page.goto("/no-such-page");
  await legalNav(page).getByRole("link", { name: "Barrierefreiheit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Erklärung zur Barrierefreiheit" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Schlichtungsverfahren" })).toBeVisible();
  await expect(page.getByLabel("Ihre Nachricht (Pflichtfeld, höchstens 5000 Zeichen)")).toBeVisible();
});

test("the legal pages speak English when English is chosen", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const nav = page.getByRole("contentinfo").getByRole("navigation", { name: "Legal information" });
  await nav.getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Complaint to the supervisory authority" })).toBeVisible();
  await nav.getByRole("link", { name: "Accessibility" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test("accessibility feedback from the public reaches every active officer by mail, with ids only in the audit log", async ({ page }) => {
  const officer = await createUser({ role: "officer" });
  const inactive = await createUser({ role: "officer", active: false });
  const marker = `Kontrast-${Date.now()}`;
  const after = new Date();
  await page.goto("/barrierefreiheit");
  await page.getByLabel("Ihre Nachricht (Pflichtfeld, höchstens 5000 Zeichen)").fill(`Der Text der Schaltfläche ist zu hell (${marker}).`);
  await page.getByLabel("Auf welcher Seite? (freiwillig)").fill("/editions/2027");
  await page.getByLabel("Ihr Name (freiwillig)").fill("Ayşe Yılmaz");
  await page.getByLabel("Ihre E-Mail-Adresse für eine Antwort (freiwillig)").fill("ayse@e2e.example");
  await page.getByRole("button", { name: "Rückmeldung senden" }).click();
  await expect(feedbackForm(page).getByRole("status")).toHaveText("Vielen Dank. Ihre Rückmeldung wurde an die Verwaltung geschickt.");
  await expect(page.getByLabel("Ihre Nachricht (Pflichtfeld, höchstens 5000 Zeichen)")).toHaveValue("");

  const mail = await waitForMail({ to: officer.email, after, subject: "Rückmeldung zur Barrierefreiheit von Planwerk" });
  expect(mail.text).toContain(marker);
  expect(mail.text).toContain("Seite: /editions/2027");
  expect(mail.text).toContain("Name: Ayşe Yılmaz");
  expect(mail.text).toContain("E-Mail-Adresse für eine Antwort: ayse@e2e.example");
  const reference = /Vorgangsnummer: ([0-9a-f-]{36})/.exec(mail.text)?.[1];
  expect(reference).toBeTruthy();

  // The same transaction queued the mails: none went to the deactivated officer.
  expect(await db().select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.toAddress, inactive.email))).toEqual([]);
  const audit = await db()
    .select({ actorId: auditLog.actorId, targetType: auditLog.targetType, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.action, "accessibility.feedback"), eq(auditLog.targetId, reference!)));
  expect(audit).toHaveLength(1);
  expect(audit[0]!.actorId).toBeNull();
  expect(audit[0]!.targetType).toBe("accessibility_feedback");
  expect(JSON.stringify(audit[0]!.data)).not.toMatch(new RegExp(`${marker}|Yılmaz|ayse@`));
});

test("feedback without a message gets a field error and sends nothing", async ({ page }) => {
  await createUser({ role: "officer" });
  const before = await feedbackCounts();
  await page.goto("/barrierefreiheit");
  await page.getByLabel("Ihr Name (freiwillig)").fill("Ohne Nachricht");
  await page.getByLabel("Ihre Nachricht (Pflichtfeld, höchstens 5000 Zeichen)").fill("   ");
  await page.getByRole("button", { name: "Rückmeldung senden" }).click();
  await expect(feedbackForm(page).getByRole("status")).toHaveText("Bitte prüfen Sie Ihre Eingaben.");
  await expect(page.getByLabel("Ihre Nachricht (Pflichtfeld, höchstens 5000 Zeichen)")).toHaveAccessibleDescription("Bitte ausfüllen.");
  await expect(page.getByLabel("Ihre Nachricht (Pflichtfeld, höchstens 5000 Zeichen)")).toHaveAttribute("aria-invalid", "true");
  // What the person wrote is still there to correct.
  await expect(page.getByLabel("Ihr Name (freiwillig)")).toHaveValue("Ohne Nachricht");
  expect(await feedbackCounts()).toEqual(before);
});
