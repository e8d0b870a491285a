import { expect, test } from "../support/fixtures";
import { eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { signIn, signedIn } from "../support/actors";
import { db } from "../support/factories";
import { extractLink, waitForMail } from "../support/mail";

test("the officer invites a person, who sets a password from the mailed link and signs in", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const email = `eingeladen-${Date.now()}@e2e.example`;
  const after = new Date();
  await officer.page.goto("/admin/users");
  const form = officer.page.getByRole("region", { name: "Person einladen" });
  await form.getByLabel("Name").fill("Ayşe Yılmaz");
  await form.getByLabel("E-Mail-Adresse").fill(email);
  await form.getByLabel("Gruppe").selectOption({ label: "Migrant*innenorganisationen" });
  await form.getByRole("button", { name: "Einladung senden" }).click();
  await expect(form.getByText("Die Einladung wurde verschickt.")).toBeVisible();
  await expect(officer.page.getByRole("row", { name: /Ayşe Yılmaz/ }).getByText("eingeladen", { exact: true })).toBeVisible();

  const mail = await waitForMail({ to: email, after });
  expect(mail.subject).toBe("Einladung zur Beteiligung am Integrationsplan");
  const link = extractLink(mail.text);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(`Willkommen, Ayşe Yılmaz!`)).toBeVisible();
  await page.getByLabel("Neues Passwort (mindestens 10 Zeichen)").fill("ein-gutes-passwort");
  await page.getByLabel("Passwort wiederholen").fill("ein-anderes-passwort");
  await page.getByRole("button", { name: "Passwort festlegen" }).click();
  await expect(page.getByText("Bitte prüfen Sie Ihre Eingaben.")).toBeVisible();
  await expect(page.getByLabel("Passwort wiederholen")).toHaveAccessibleDescription("Die Passwörter stimmen nicht überein.");
  await page.getByLabel("Neues Passwort (mindestens 10 Zeichen)").fill("ein-gutes-passwort");
  await page.getByLabel("Passwort wiederholen").fill("ein-gutes-passwort");
  await page.getByRole("button", { name: "Passwort festlegen" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, { email, password: "ein-gutes-passwort" });
  await expect(page.getByText("Angemeldet als Ayşe Yılmaz")).toBeVisible();
  // The link works once only.
  await page.goto(link);
  await expect(page.getByText("Diese Einladung ist ungültig, abgelaufen oder wurde schon angenommen.")).toBeVisible();

  const [created] = await db().select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email));
  expect(created!.role).toBe("stakeholder");
  const audit = await db().select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.targetId, created!.id));
  expect(audit.map((a) => a.action).sort()).toEqual(["invitation.accept", "user.invite"]);
  await context.close();
  await officer.context.close();
});

test("inviting an address that already has an account is refused with a clear message", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  await officer.page.goto("/admin/users");
  const form = officer.page.getByRole("region", { name: "Person einladen" });
  await form.getByLabel("Name").fill("Doppelte Person");
  await form.getByLabel("E-Mail-Adresse").fill(officer.user.email.toUpperCase());
  await form.getByRole("button", { name: "Einladung senden" }).click();
  await expect(form.getByText("Zu dieser E-Mail-Adresse gibt es schon ein Konto.")).toBeVisible();
  await officer.context.close();
});

test("the officer sees the outbox without links outside demo mode; others may not open it", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  await officer.page.goto("/outbox");
  await expect(officer.page.getByRole("heading", { name: "Postausgang" })).toBeVisible();
  await expect(officer.page.getByRole("columnheader", { name: "Link" })).toHaveCount(0);
  await expect(officer.page.getByRole("link", { name: /Link öffnen/ })).toHaveCount(0);
  await officer.context.close();
  const stakeholder = await signedIn(browser, "stakeholder");
  expect((await stakeholder.page.goto("/outbox"))?.status()).toBe(404);
  await stakeholder.context.close();
});

test("a person changes how they appear next to their contributions", async ({ browser }) => {
  const { page, user, context } = await signedIn(browser, "stakeholder");
  await page.goto("/account");
  await page.getByLabel("Name", { exact: true }).fill(`${user.name} Neu`);
  await page.getByLabel("Privatperson").check();
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByText("Gespeichert.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Privatperson")).toBeChecked();
  await expect(page.getByText(`Angemeldet als ${user.name} Neu`)).toBeVisible();
  await context.close();
});
