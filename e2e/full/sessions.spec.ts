import { expect, test } from "../support/fixtures";
import { eq } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { signedIn } from "../support/actors";
import { db } from "../support/factories";

const MINUTE = 60_000;
const sessionsOf = (userId: string) => db().select().from(sessions).where(eq(sessions.userId, userId));
const setLastSeen = (userId: string, msAgo: number) => db().update(sessions).set({ lastSeenAt: new Date(Date.now() - msAgo) }).where(eq(sessions.userId, userId));

test.describe("session limits", () => {
  test("a real sign-in sets HttpOnly, SameSite=Lax cookies (no Secure on plain-http localhost) and a 12-hour session row", async ({ browser }) => {
    const { context, user } = await signedIn(browser, "stakeholder");
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "next-auth.session-token");
    expect(session, cookies.map((c) => c.name).join(", ")).toBeTruthy();
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    for (const c of cookies.filter((c) => c.name.startsWith("next-auth."))) expect(c, c.name).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const [row] = await sessionsOf(user.id);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(12 * 60 * MINUTE - MINUTE);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(12 * 60 * MINUTE + MINUTE);
    await context.close();
  });

  test("30 minutes without a request end the session; 29 do not, and the request is recorded", async ({ browser }) => {
    const { context, page, user } = await signedIn(browser, "stakeholder");
    await setLastSeen(user.id, 29 * MINUTE);
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: "Mein Konto", level: 1 })).toBeVisible();
    const [after] = await sessionsOf(user.id);
    expect(Date.now() - after!.lastSeenAt.getTime()).toBeLessThan(MINUTE);

    await setLastSeen(user.id, 31 * MINUTE);
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
    await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
    await context.close();
  });

  test("the last-seen time is written at most once a minute, not on every request", async ({ browser }) => {
    const { context, page, user } = await signedIn(browser, "stakeholder");
    const recent = new Date(Date.now() - 20_000);
    await db().update(sessions).set({ lastSeenAt: recent }).where(eq(sessions.userId, user.id));
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
    const [row] = await sessionsOf(user.id);
    expect(row!.lastSeenAt.getTime()).toBe(recent.getTime());
    await context.close();
  });

  test("12 hours after sign-in the session ends however active it is", async ({ browser }) => {
    const { context, page, user } = await signedIn(browser, "stakeholder");
    await db().update(sessions).set({ expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() }).where(eq(sessions.userId, user.id));
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    await expect(page).toHaveURL(/\/signin/);
    await context.close();
  });
});

test.describe("the stay-signed-in dialog (WCAG 2.2.1)", () => {
  test("two minutes before the idle end it offers to stay signed in; staying keeps the typed text and the session", async ({ browser }) => {
    const { context, page, user } = await signedIn(browser, "stakeholder");
    await page.clock.install();
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    const name = page.getByLabel("Name", { exact: true });
    await name.fill("Text, den ich gerade tippe");
    const dialog = page.getByRole("dialog", { name: "Sind Sie noch da?" });
    await expect(dialog).toHaveCount(0);

    // The server sees 28½ idle minutes; the page's clock jumps 28 minutes ahead.
    await setLastSeen(user.id, 28.5 * MINUTE);
    await page.clock.fastForward("28:00");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("In 2 Minuten werden Sie zu Ihrer Sicherheit abgemeldet");
    await expect(dialog.getByRole("button", { name: "Angemeldet bleiben" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toHaveCount(0);
    await expect(name).toHaveValue("Text, den ich gerade tippe");
    const [row] = await sessionsOf(user.id);
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(MINUTE);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Mein Konto", level: 1 })).toBeVisible();
    await context.close();
  });

  test("when the session has ended the dialog says so and the typed text stays on the page", async ({ browser }) => {
    const { context, page, user } = await signedIn(browser, "stakeholder");
    await page.clock.install();
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    const name = page.getByLabel("Name", { exact: true });
    await name.fill("Noch nicht gespeichert");
    await setLastSeen(user.id, 28.5 * MINUTE);
    await page.clock.fastForward("28:00");
    await expect(page.getByRole("dialog", { name: "Sind Sie noch da?" })).toBeVisible();
    await setLastSeen(user.id, 31 * MINUTE);
    await page.clock.fastForward("02:30");
    const ended = page.getByRole("dialog", { name: "Sie wurden abgemeldet" });
    await expect(ended).toBeVisible();
    await expect(ended.getByRole("link", { name: "Anmelden (öffnet ein neues Fenster)" })).toHaveAttribute("href", "/signin?callbackUrl=%2Faccount");
    await ended.getByRole("button", { name: "Schließen" }).click();
    await expect(name).toHaveValue("Noch nicht gespeichert");
    await context.close();
  });

  test("activity in the meantime (another tab) means no dialog", async ({ browser }) => {
    const { context, page, user } = await signedIn(browser, "stakeholder");
    await page.clock.install();
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    // The page's own timer fires, but the server saw a request a moment ago.
    await db().update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.userId, user.id));
    await page.clock.fastForward("28:00");
    await page.clock.fastForward("00:05");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await context.close();
  });
});

test.describe("sign-out", () => {
  test("replaying the old session cookie after sign-out does not sign anyone in", async ({ browser }) => {
    const { context, page } = await signedIn(browser, "stakeholder");
    const before = await context.cookies();
    expect(before.some((c) => c.name === "next-auth.session-token")).toBe(true);
    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page.getByRole("link", { name: "Anmelden" })).toBeVisible();
    await context.clearCookies();
    await context.addCookies(before);
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
    await expect(page.getByRole("button", { name: "Abmelden" })).toHaveCount(0);
    await context.close();
  });

  test("a sign-out POST without the CSRF token leaves the session alone; with it, the session ends", async ({ browser }) => {
    const { context, page, user } = await signedIn(browser, "stakeholder");
    const attempts: Record<string, string>[] = [{}, { Origin: new URL(page.url()).origin }];
    for (const headers of attempts) {
      const res = await context.request.post("/api/auth/signout", { form: { callbackUrl: "/" }, headers, maxRedirects: 0 });
      expect(res.headers()["location"] ?? "").toContain("csrf=true");
      expect(await sessionsOf(user.id)).toHaveLength(1);
    }
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: "Mein Konto", level: 1 })).toBeVisible();

    // The same request with next-auth's token does sign out: the check above could fail.
    const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.request.post("/api/auth/signout", { form: { callbackUrl: "/", csrfToken }, maxRedirects: 0 });
    expect(await sessionsOf(user.id)).toHaveLength(0);
    await page.goto("/account");
    // The dialog's timer starts once the page is hydrated; fast-forwarding before that would skip it.
    await page.waitForLoadState("networkidle");
    await expect(page).toHaveURL(/\/signin/);
    await context.close();
  });
});

test.describe("demo accounts outside demo mode", () => {
  test("cannot sign in, and an existing session ends at the next request", async ({ browser }) => {
    const person = await signedIn(browser, "stakeholder");
    await db().update(users).set({ isDemo: true }).where(eq(users.id, person.user.id));
    await person.page.goto("/account");
    await expect(person.page).toHaveURL(/\/signin/);

    await person.page.goto("/signin");
    const form = person.page.getByRole("region", { name: "Mit Passwort" });
    await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(person.user.email);
    await form.getByLabel("Passwort", { exact: true }).fill(person.user.password);
    await form.getByRole("button", { name: "Anmelden" }).click();
    await expect(form.getByRole("alert")).toHaveText("Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Ihre Angaben.");
    // The same person without the demo mark signs in: the refusal is the mark's doing.
    await db().update(users).set({ isDemo: false }).where(eq(users.id, person.user.id));
    await form.getByRole("button", { name: "Anmelden" }).click();
    await expect(person.page.getByRole("button", { name: "Abmelden" })).toBeVisible();
    await person.context.close();
  });
});
