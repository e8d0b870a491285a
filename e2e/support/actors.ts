import { expect, type Browser, type Page } from "@playwright/test";
import { createUser } from "./factories";

export type Role = "officer" | "council" | "stakeholder";
export const roles: Role[] = ["officer", "council", "stakeholder"];

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto("/signin");
  const form = page.getByRole("region", { name: "Mit Passwort" });
  await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(email);
  await form.getByLabel("Passwort", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
}

/** A new person of this role (factory) signed in in a fresh browser context. */
export async function signedIn(browser: Browser, role: Role, options: Parameters<typeof createUser>[0] extends infer O ? Partial<O> : never = {}) {
  const user = await createUser({ role, ...options } as Parameters<typeof createUser>[0]);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return { user, context, page };
}

type Shared = { user: Awaited<ReturnType<typeof createUser>>; storageState: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>> };
const shared = new Map<Role, Shared>();

/**
 * A signed-in person of this role shared by the read-only specs of a worker (signed in once,
 * then a new context from the stored session). Specs that change the person use signedIn().
 */
export async function sharedActor(browser: Browser, role: Role) {
  let s = shared.get(role);
  if (!s) {
    const first = await signedIn(browser, role);
    s = { user: first.user, storageState: await first.context.storageState() };
    await first.context.close();
    shared.set(role, s);
  }
  const context = await browser.newContext({ storageState: s.storageState });
  const page = await context.newPage();
  return { user: s.user, context, page };
}
