import { expect, test } from "../support/fixtures";
import { and, eq } from "drizzle-orm";
import { auditLog, stakeholderGroups, users } from "@/db/schema";
import { signedIn } from "../support/actors";
import { createUser, db } from "../support/factories";
import { extractLink, waitForMail } from "../support/mail";

test("the officer invites a person, who sets a password from the mailed link and signs in", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const email = `eingeladen-${Date.now()}@e2e.example`;
  const after = new Date();
  await officer.page.goto(`/admin/users?q=${email}`);
  const form = officer.page.getByRole("region", { name: "Person einladen" });
  await form.getByLabel("Name").fill("Ayşe Yılmaz");
  await form.getByLabel("E-Mail-Adresse").fill(email);
  await form.getByLabel("Gruppe").selectOption({ label: "Migrant*innenorganisationen" });
  await form.getByRole("button", { name: "Einladung senden" }).click();
  // Handed over for sending, not "sent": the mail waits in the outbox until the sender delivers it.
  await expect(form.getByRole("status")).toHaveText(`Die Einladung an ${email} ist in den Versand gegeben. Ob sie verschickt wurde, steht in der Liste unter Status.`);
  const row = officer.page.getByRole("row", { name: /Ayşe Yılmaz/ });
  await expect(row.getByText("eingeladen", { exact: true })).toBeVisible();
  await expect(row.getByText(/^Einladungs-E-Mail (wartet auf Versand|verschickt)$/)).toBeVisible();

  const mail = await waitForMail({ to: email, after });
  await expect(async () => {
    await officer.page.reload();
    await expect(row.getByText("Einladungs-E-Mail verschickt", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
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
  // The terms of use must be accepted; the label links to them.
  const terms = page.getByLabel("Ich habe die Nutzungsbedingungen gelesen und stimme zu.");
  await expect(terms).not.toBeChecked();
  await expect(page.getByRole("link", { name: "Nutzungsbedingungen" })).toHaveAttribute("href", "/nutzungsbedingungen");
  await page.getByRole("button", { name: "Passwort festlegen" }).click();
  await expect(terms).toHaveAccessibleDescription("Bitte stimmen Sie den Nutzungsbedingungen zu.");
  await page.getByLabel("Neues Passwort (mindestens 10 Zeichen)").fill("ein-gutes-passwort");
  await page.getByLabel("Passwort wiederholen").fill("ein-gutes-passwort");
  await terms.check();
  await page.getByRole("button", { name: "Passwort festlegen" }).click();
  // Setting the password signs the person in.
  await expect(page.getByText("Angemeldet als Ayşe Yılmaz")).toBeVisible();
  await expect(page).not.toHaveURL(/\/(signin|invitation)/);
  // The link works once only.
  await page.goto(link);
  await expect(page.getByText("Diese Einladung ist ungültig, abgelaufen oder wurde schon angenommen.")).toBeVisible();

  const [created] = await db().select({ id: users.id, role: users.role, termsAcceptedAt: users.termsAcceptedAt }).from(users).where(eq(users.email, email));
  expect(created!.role).toBe("stakeholder");
  expect(created!.termsAcceptedAt).not.toBeNull();
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
  await page.getByRole("button", { name: "Speichern", exact: true }).click();
  await expect(page.getByText("Gespeichert.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Privatperson")).toBeChecked();
  await expect(page.getByText(`Angemeldet als ${user.name} Neu`)).toBeVisible();
  await context.close();
});

test("the invitation form shows the app's own messages beside each field, and a summary at the top", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  await officer.page.goto("/admin/users");
  const form = officer.page.getByRole("region", { name: "Person einladen" });
  const name = form.getByLabel("Name");
  const email = form.getByLabel("E-Mail-Adresse");
  // The limit is said before typing, and nothing is cut off silently.
  await expect(name).toHaveAccessibleDescription("2 bis 120 Zeichen");
  await expect(name).not.toHaveAttribute("maxlength");
  await name.fill("   ");
  await email.fill("keine-adresse");
  await form.getByRole("button", { name: "Einladung senden" }).click();
  // The browser's bubbles (in the browser's language) stay away: the form is novalidate.
  const summary = form.getByRole("alert").filter({ hasText: "2 Angaben bitte prüfen:" });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription("2 bis 120 Zeichen Bitte ausfüllen.");
  await expect(email).toHaveAccessibleDescription("Das ist keine E-Mail-Adresse (Beispiel: name@beispiel.de).");
  await summary.getByRole("link", { name: "E-Mail-Adresse: Das ist keine E-Mail-Adresse (Beispiel: name@beispiel.de)." }).click();
  await expect(email).toBeFocused();

  await name.fill("x".repeat(121));
  await email.fill(`lang-${Date.now()}@e2e.example`);
  await form.getByRole("button", { name: "Einladung senden" }).click();
  await expect(name).toHaveAccessibleDescription("2 bis 120 Zeichen Bitte höchstens 120 Zeichen eingeben.");
  await expect(email).not.toHaveAttribute("aria-invalid");
  await officer.context.close();
});

test("deactivating asks first and names the consequence; each message says what was done, beside its row", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const tag = `Paar${Date.now()}`;
  const first = await createUser({ role: "stakeholder", name: `Erste ${tag}` });
  const second = await createUser({ role: "stakeholder", name: `Zweite ${tag}` });
  const page = officer.page;
  await page.goto(`/admin/users?q=${tag}`);
  const rowOf = (name: string) => page.getByRole("row", { name: new RegExp(name) });

  await page.getByRole("button", { name: `${first.name} deaktivieren` }).click();
  const dialog = page.getByRole("dialog", { name: `${first.name} deaktivieren?` });
  await expect(dialog).toContainText(`${first.name} wird sofort abgemeldet und kann sich nicht mehr anmelden. Beiträge bleiben`);
  await dialog.getByRole("button", { name: "Abbrechen" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: `${first.name} deaktivieren` })).toBeFocused();
  await expect(rowOf(first.name).getByText("aktiv", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: `${first.name} deaktivieren` }).click();
  await dialog.getByRole("button", { name: "Deaktivieren" }).click();
  await expect(rowOf(first.name).getByRole("status")).toHaveText(`${first.name} ist deaktiviert und abgemeldet.`);
  await expect(rowOf(first.name).getByText("deaktiviert", { exact: true })).toBeVisible();

  await rowOf(first.name).getByRole("button", { name: `${first.name} reaktivieren` }).click();
  await expect(rowOf(first.name).getByRole("status")).toHaveText(`${first.name} ist wieder aktiv und kann sich anmelden.`);
  await expect(rowOf(first.name).getByText("aktiv", { exact: true })).toBeVisible();

  // Another action: the first row's message goes away.
  await page.getByRole("button", { name: `${second.name} deaktivieren` }).click();
  await page.getByRole("dialog", { name: `${second.name} deaktivieren?` }).getByRole("button", { name: "Deaktivieren" }).click();
  await expect(rowOf(second.name).getByRole("status")).toHaveText(`${second.name} ist deaktiviert und abgemeldet.`);
  await expect(rowOf(first.name).getByRole("status")).toHaveText("");
  await officer.context.close();
});

test("role, group and organisation change together: a volunteer becomes a council member in the group Kreistag", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const volunteer = await createUser({ role: "stakeholder", group: "ehrenamt" });
  const page = officer.page;
  await page.goto(`/admin/users?q=${volunteer.email}`);
  const row = page.getByRole("row", { name: new RegExp(volunteer.name) });
  await row.getByRole("button", { name: `Rolle und Gruppe von ${volunteer.name} ändern` }).click();
  const dialog = page.getByRole("dialog", { name: `${volunteer.name}: Rolle und Gruppe` });
  // The rule is explained before saving.
  await expect(dialog.getByLabel("Rolle")).toHaveAccessibleDescription(/Mitglieder des Kreistags gehören zur Gruppe Kreistag/);
  await dialog.getByLabel("Rolle").selectOption({ label: "Kreistag" });
  await expect(dialog.getByLabel("Gruppe").locator("option:checked")).toHaveText("Kreistag");

  // Moving the group away again is refused with the rule as a message, beside the group.
  await dialog.getByLabel("Gruppe").selectOption({ label: "Ehrenamtlich Engagierte" });
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await expect(dialog.getByLabel("Gruppe")).toHaveAccessibleDescription("Mitglieder des Kreistags gehören zur Gruppe Kreistag.");
  await expect(dialog.getByText("kreistag", { exact: true })).toHaveCount(0);

  await dialog.getByLabel("Gruppe").selectOption({ label: "Kreistag" });
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("status")).toHaveText(`Rolle gespeichert. ${volunteer.name} wurde abgemeldet und meldet sich mit der neuen Rolle an.`);
  await expect(row.getByRole("cell", { name: "Kreistag" })).toHaveCount(2);

  const [saved] = await db()
    .select({ role: users.role, group: stakeholderGroups.key })
    .from(users)
    .innerJoin(stakeholderGroups, eq(stakeholderGroups.id, users.groupId))
    .where(eq(users.id, volunteer.id));
  expect(saved).toEqual({ role: "council", group: "kreistag" });
  const audit = await db().select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.targetId, volunteer.id), eq(auditLog.action, "user.setRole")));
  expect(audit).toHaveLength(1);
  await officer.context.close();
});

test("the officer's own row offers no controls (the permission table refuses managing oneself)", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  await officer.page.goto(`/admin/users?q=${officer.user.email}`);
  const own = officer.page.getByRole("row", { name: new RegExp(officer.user.name) });
  await expect(own.getByText("Das sind Sie")).toBeVisible();
  await expect(own.getByRole("button")).toHaveCount(0);
  await officer.context.close();
});
