import { expect, test } from "../support/fixtures";
import { demoPassword, demoUsers, DRAFT_ONLY_SENTENCE } from "@/db/seed/content";
import { signIn } from "../support/actors";

// The embedded database in demo mode: demo accounts are seeded and listed on the sign-in page.
const byRole = (role: "officer" | "council" | "stakeholder") => demoUsers.find((u) => u.role === role)!;

test("the sign-in page lists the demo accounts with their password", async ({ page }) => {
  await page.goto("/signin");
  const demo = page.getByRole("region", { name: "Demo-Zugänge", exact: true });
  await expect(demo).toContainText(demoPassword);
  for (const u of demoUsers) await expect(demo.getByText(u.email)).toBeVisible();
});

for (const role of ["officer", "council", "stakeholder"] as const) {
  test(`demo ${role} signs in and sees the role's navigation`, async ({ page }) => {
    const user = byRole(role);
    await signIn(page, { email: user.email, password: demoPassword });
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    await expect(nav.getByRole("link", { name: "Mein Konto" })).toBeVisible();
    // In demo mode everyone may read the outbox (there is no real mailbox): the demo notice links it;
    // the main navigation lists it for the officer only, as outside demo mode.
    await expect(page.getByRole("complementary", { name: "Demo-Modus" }).getByRole("link", { name: "Zum Postausgang" })).toBeVisible();
    await expect(nav.getByRole("button", { name: "Verwaltung" })).toHaveCount(role === "officer" ? 1 : 0);
    if (role === "officer") {
      await nav.getByRole("button", { name: "Verwaltung" }).click();
      await expect(nav.getByRole("link", { name: "Personen" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Postausgang" })).toBeVisible();
    }
  });
}

test("the public reads the draft on the embedded database", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: /Jetzt in Beteiligung: Integrationsplan Landkreis Göppingen 2027/ }).getByRole("link", { name: "Entwurf lesen" }).click();
  await page.getByRole("link", { name: /Wohnraum/ }).first().click();
  await expect(page.getByText(DRAFT_ONLY_SENTENCE)).toBeVisible();
});

test("demo magic link: the mail is listed in the outbox with a link that signs in", async ({ page }) => {
  const user = byRole("council");
  await page.goto("/signin");
  const form = page.getByRole("region", { name: "Mit Anmeldelink per E-Mail" });
  await form.getByLabel("E-Mail-Adresse für den Anmeldelink").fill(user.email);
  await form.getByRole("button", { name: "Link senden" }).click();
  await expect(page.getByRole("heading", { name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
  await page.goto("/outbox");
  await page.getByRole("link", { name: `Link öffnen: Ihr Anmeldelink für Planwerk an ${user.email}` }).first().click();
  await expect(page.getByText(`Angemeldet als ${user.name}`)).toBeVisible();
});

test("the sign-in page with its demo table and the check-your-mail page fit a phone (no sideways scrolling at 320 and 390 px)", async ({ page }) => {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const url of ["/signin", "/signin/check-email", "/outbox"]) {
      await page.goto(url);
      await expect(page.locator("main")).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${url} at ${width} px`).toBeLessThanOrEqual(width);
    }
  }
  // In demo mode the check-your-mail page leads to the outbox.
  await page.goto("/signin/check-email");
  await expect(page.locator("main").getByRole("link", { name: "Zum Postausgang" })).toBeVisible();
});
