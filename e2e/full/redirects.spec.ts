import { expect, test } from "../support/fixtures";
import type { Browser, Page } from "@playwright/test";
import { signedIn } from "../support/actors";
import { createUser, type CreatedUser } from "../support/factories";

/**
 * callbackUrl values that must never lead away from the app (each is sent URL-encoded, so the
 * server sees exactly this string). Some reach a page that does not exist: that is fine, as long
 * as it is one of ours.
 */
const hostile = [
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "//evil.example",
  "///evil.example",
  "https://evil.example/",
  "http:evil.example",
  "https:\\\\evil.example",
  "javascript:alert(document.domain)",
  "data:text/html,hello",
  "https://localhost@evil.example/",
  "//localhost@evil.example",
  "/.//evil.example",
  "%2F%2Fevil.example",
  "\n//evil.example",
];
/** The raw query strings of the issue, already percent-encoded by hand. */
const rawQueries = ["callbackUrl=/%5Cevil.example", "callbackUrl=/%09/evil.example", "callbackUrl=%2F%2Fevil.example"];
const queries = [...hostile.map((v) => `callbackUrl=${encodeURIComponent(v)}`), ...rawQueries];

const originOf = (page: Page) => new URL(page.url()).origin;

async function expectOnOurOrigin(page: Page, baseURL: string) {
  await page.waitForLoadState("domcontentloaded");
  expect(originOf(page)).toBe(new URL(baseURL).origin);
  await expect(page.locator("body")).toContainText("Planwerk");
}

/** Blocks and records any request that leaves the app's origin. */
async function recordForeignRequests(page: Page, baseURL: string) {
  const foreign: string[] = [];
  await page.context().route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== new URL(baseURL).origin) {
      foreign.push(url);
      return route.abort();
    }
    return route.continue();
  });
  return foreign;
}

test("a signed-in visitor of the sign-in page is sent only to pages of the app", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const { context, page } = await signedIn(browser, "stakeholder");
  const foreign = await recordForeignRequests(page, baseURL!);
  for (const q of queries) {
    await page.goto(`/signin?${q}`);
    await expectOnOurOrigin(page, baseURL!);
    await expect(page.getByRole("button", { name: "Abmelden" }), q).toBeVisible();
  }
  // A same-origin target is followed (the check is not simply "always /").
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/account")}`);
  await expect(page).toHaveURL(/\/account$/);
  expect(foreign).toEqual([]);
  await context.close();
});

async function freshPage(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  return { context, page: await context.newPage() };
}

async function signInThroughForm(page: Page, user: CreatedUser) {
  const form = page.getByRole("region", { name: "Mit Passwort" });
  await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(user.email);
  await form.getByLabel("Passwort", { exact: true }).fill(user.password);
  await form.getByRole("button", { name: "Anmelden" }).click();
}

for (const javaScriptEnabled of [true, false]) {
  test(`after a real password sign-in (${javaScriptEnabled ? "with" : "without"} JavaScript) every hostile target ends on a page of the app`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const user = await createUser({ role: "stakeholder" });
    for (const q of queries) {
      const { context, page } = await freshPage(browser, javaScriptEnabled);
      const foreign = await recordForeignRequests(page, baseURL!);
      await page.goto(`/signin?${q}`);
      await signInThroughForm(page, user);
      await expect(page.getByRole("button", { name: "Abmelden" }), q).toBeVisible();
      await expectOnOurOrigin(page, baseURL!);
      expect(foreign, q).toEqual([]);
      await context.close();
    }
    // And a harmless target is honoured.
    const { context, page } = await freshPage(browser, javaScriptEnabled);
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("/account")}`);
    await signInThroughForm(page, user);
    await expect(page.getByRole("heading", { name: "Mein Konto", level: 1 })).toBeVisible();
    await context.close();
  });
}
