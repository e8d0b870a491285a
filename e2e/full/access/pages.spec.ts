import { expect, test } from "../../support/fixtures";
import { sharedActor } from "../../support/actors";
import { builtPageRoutes, everyone, routeVisits } from "../../support/routes";

test("every page route of the build has an access rule", () => {
  expect(builtPageRoutes().filter((r) => !routeVisits[r])).toEqual([]);
});

for (const [route, visit] of Object.entries(routeVisits)) {
  for (const audience of everyone.filter((a) => !visit.allowed.includes(a))) {
    test(`${route} is refused to ${audience}`, async ({ browser, page }) => {
      if (audience === "public") {
        const url = await visit.url();
        await page.goto(url);
        await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(url).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
        return;
      }
      const actor = await sharedActor(browser, audience);
      const url = await visit.url();
      const res = await actor.page.goto(url);
      if (route === "/signin") {
        // Already signed in: sent on to the start page instead of seeing the form again.
        await expect(actor.page).toHaveURL(/\/$/);
      } else {
        expect(res?.status()).toBe(404);
        await expect(actor.page.getByRole("heading", { name: "Seite nicht gefunden" })).toBeVisible();
      }
      await actor.context.close();
    });
  }
}
