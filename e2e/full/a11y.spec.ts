import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "../support/fixtures";
import { sharedActor, signedIn } from "../support/actors";
import { builtPageRoutes, routeVisits } from "../support/routes";

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, label).toEqual([]);
}

test("every page route of the build has an axe visit", () => {
  const missing = builtPageRoutes().filter((r) => !routeVisits[r] || routeVisits[r].allowed.length === 0);
  expect(missing).toEqual([]);
});

for (const [route, visit] of Object.entries(routeVisits)) {
  for (const audience of visit.allowed) {
    test(`axe: ${route} as ${audience}`, async ({ browser, page }) => {
      const actor = audience === "public" ? null : await sharedActor(browser, audience);
      const p = actor?.page ?? page;
      await p.goto(await visit.url());
      await expect(p.locator("main")).toBeVisible();
      await expectNoViolations(p, `${route} as ${audience}`);
      await actor?.context.close();
    });
  }
}

test("axe: the English interface and a form with errors", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  await officer.page.goto("/admin/users");
  const form = officer.page.getByRole("region", { name: "Person einladen" });
  await form.getByLabel("Name").fill("Xy");
  await form.getByLabel("E-Mail-Adresse").fill("a@b");
  await form.getByRole("button", { name: "Einladung senden" }).click();
  await expect(form.getByText("Das ist keine E-Mail-Adresse (Beispiel: name@beispiel.de).", { exact: true })).toBeVisible();
  await officer.page.getByRole("button", { name: "English" }).click();
  await expect(officer.page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoViolations(officer.page, "/admin/users in English");
  await officer.context.close();
});

test("keyboard: the skip link leads to the content and the sign-in form works without a mouse", async ({ page }) => {
  await page.goto("/signin");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("region", { name: "Mit Passwort" }).getByLabel("E-Mail-Adresse", { exact: true })).toBeFocused();
});
