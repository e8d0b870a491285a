import { expect, test } from "../support/fixtures";
import { eq } from "drizzle-orm";
import { mailOutbox } from "@/db/schema";
import { roles, signIn, signedIn } from "../support/actors";
import { createUser, db } from "../support/factories";
import { extractLink, waitForMail } from "../support/mail";

const navOf = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Hauptnavigation" });

test.describe("password sign-in", () => {
  for (const role of roles) {
    test(`${role} signs in and sees the navigation of the role`, async ({ browser }) => {
      const { page, user, context } = await signedIn(browser, role);
      await expect(page.getByText(`Angemeldet als ${user.name}`)).toBeVisible();
      const nav = navOf(page);
      await expect(nav.getByRole("link", { name: "Start" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Mein Konto" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Personen" })).toHaveCount(role === "officer" ? 1 : 0);
      await expect(nav.getByRole("link", { name: "Postausgang" })).toHaveCount(role === "officer" ? 1 : 0);
      await context.close();
    });
  }

  test("the public sees only the start page and the sign-in link, and no demo accounts outside demo mode", async ({ page }) => {
    await page.goto("/");
    await expect(navOf(page).getByRole("link")).toHaveText(["Start"]);
    await page.getByRole("link", { name: "Anmelden" }).click();
    await expect(page.getByRole("heading", { name: "Anmelden", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Demo-Zugänge" })).toHaveCount(0);
    await expect(page.getByText("planwerk-demo")).toHaveCount(0);
  });

  test("a wrong password and an unknown address get the same generic answer", async ({ page }) => {
    const user = await createUser({ role: "stakeholder" });
    const answers: string[] = [];
    for (const [email, password] of [
      [user.email, "wrong-password-1"],
      ["nobody-here@e2e.example", user.password],
    ] as const) {
      await page.goto("/signin");
      const form = page.getByRole("region", { name: "Mit Passwort" });
      await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(email);
      await form.getByLabel("Passwort", { exact: true }).fill(password);
      await form.getByRole("button", { name: "Anmelden" }).click();
      const alert = form.getByRole("alert");
      await expect(alert).toHaveText("Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Ihre Angaben.");
      answers.push(await alert.innerText());
      await expect(page).toHaveURL(/\/signin/);
    }
    expect(answers[0]).toBe(answers[1]);
  });

  test("signing out ends the session", async ({ browser }) => {
    const { page, context } = await signedIn(browser, "stakeholder");
    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
    await context.close();
  });
});

test.describe("magic link", () => {
  test("a link from a real mail signs the person in", async ({ page }) => {
    const user = await createUser({ role: "council" });
    const after = new Date();
    await page.goto("/signin");
    const form = page.getByRole("region", { name: "Mit Anmeldelink per E-Mail" });
    await form.getByLabel("E-Mail-Adresse für den Anmeldelink").fill(user.email.toUpperCase());
    await form.getByRole("button", { name: "Link senden" }).click();
    await expect(page.getByRole("heading", { name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
    const mail = await waitForMail({ to: user.email, after });
    expect(mail.subject).toBe("Ihr Anmeldelink für Planwerk");
    const link = extractLink(mail.text);
    expect(link).toContain("/api/auth/callback/email");
    await page.goto(link);
    await expect(page.getByText(`Angemeldet als ${user.name}`)).toBeVisible();
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Mein Konto" })).toBeVisible();
  });

  test("an unknown or deactivated address gets the same page and nothing is sent", async ({ page }) => {
    const inactive = await createUser({ role: "stakeholder", active: false });
    for (const email of ["unknown-person@e2e.example", inactive.email]) {
      await page.goto("/signin");
      const form = page.getByRole("region", { name: "Mit Anmeldelink per E-Mail" });
      await form.getByLabel("E-Mail-Adresse für den Anmeldelink").fill(email);
      await form.getByRole("button", { name: "Link senden" }).click();
      await expect(page.getByRole("heading", { name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
      expect(await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, email))).toHaveLength(0);
    }
  });
});

test.describe("sessions follow the database", () => {
  test("a deactivated person is signed out at their next request", async ({ browser }) => {
    const person = await signedIn(browser, "stakeholder");
    const officer = await signedIn(browser, "officer");
    await officer.page.goto("/admin/users");
    await officer.page.getByRole("button", { name: `${person.user.name} deaktivieren` }).click();
    await expect(officer.page.getByRole("row", { name: new RegExp(person.user.name) }).getByText("deaktiviert")).toBeVisible();

    await person.page.goto("/account");
    await expect(person.page).toHaveURL(/\/signin/);
    await expect(person.page.getByRole("link", { name: "Anmelden" })).toBeVisible();
    // And they cannot sign in again.
    const form = person.page.getByRole("region", { name: "Mit Passwort" });
    await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(person.user.email);
    await form.getByLabel("Passwort", { exact: true }).fill(person.user.password);
    await form.getByRole("button", { name: "Anmelden" }).click();
    await expect(form.getByRole("alert")).toHaveText("Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Ihre Angaben.");
    await person.context.close();
    await officer.context.close();
  });

  test("a role change ends the person's sessions and the new role applies at the next sign-in", async ({ browser }) => {
    const person = await signedIn(browser, "stakeholder");
    const officer = await signedIn(browser, "officer");
    await officer.page.goto("/admin/users");
    const row = officer.page.getByRole("row", { name: new RegExp(person.user.name) });
    await row.getByLabel(`Rolle von ${person.user.name}`).selectOption("officer");
    await row.getByRole("button", { name: "Rolle speichern" }).click();
    await expect(row.getByText("Rolle gespeichert.")).toBeVisible();

    await person.page.goto("/");
    await expect(person.page.getByRole("link", { name: "Anmelden" })).toBeVisible();
    await signIn(person.page, person.user);
    await expect(navOf(person.page).getByRole("link", { name: "Personen" })).toBeVisible();
    await person.context.close();
    await officer.context.close();
  });
});

test("the language switch changes the interface and is remembered", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(navOf(page)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Home" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Integration Plan, District of Göppingen");
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
});
