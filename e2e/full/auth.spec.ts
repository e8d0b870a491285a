import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../support/fixtures";
import { eq, sql } from "drizzle-orm";
import { invitations, mailOutbox, users } from "@/db/schema";
import { demoPassword, demoUsers } from "@/db/seed/content";
import { hashToken, newToken } from "@/server/users/tokens";
import { roles, signIn, signedIn } from "../support/actors";
import { startApp } from "../support/app-server";
import { createUser, db } from "../support/factories";
import { extractLink, waitForMail } from "../support/mail";
import { freePort } from "../support/ports";

const navOf = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Hauptnavigation" });

test.describe("password sign-in", () => {
  for (const role of roles) {
    test(`${role} signs in and sees the navigation of the role`, async ({ browser }) => {
      const { page, user, context } = await signedIn(browser, role);
      await expect(page.getByText(`Angemeldet als ${user.name}`)).toBeVisible();
      const nav = navOf(page);
      await expect(nav.getByRole("link", { name: "Start" })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Mein Konto" })).toBeVisible();
      // The officer's administration pages sit behind "Verwaltung"; nobody else has that group.
      const admin = nav.getByRole("button", { name: "Verwaltung" });
      await expect(admin).toHaveCount(role === "officer" ? 1 : 0);
      if (role === "officer") {
        await expect(admin).toHaveAttribute("aria-expanded", "false");
        await admin.click();
        await expect(admin).toHaveAttribute("aria-expanded", "true");
        await expect(nav.getByRole("link", { name: "Personen" })).toBeVisible();
        await expect(nav.getByRole("link", { name: "Postausgang" })).toBeVisible();
        await page.keyboard.press("Escape");
        await expect(admin).toHaveAttribute("aria-expanded", "false");
        await expect(admin).toBeFocused();
      }
      await expect(nav.getByRole("link", { name: "Personen" })).toHaveCount(0);
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
    // The list pages by 50: find the person by address.
    await officer.page.goto(`/admin/users?q=${encodeURIComponent(person.user.email)}`);
    await officer.page.getByRole("button", { name: `${person.user.name} deaktivieren` }).click();
    await officer.page.getByRole("dialog", { name: `${person.user.name} deaktivieren?` }).getByRole("button", { name: "Deaktivieren" }).click();
    await expect(officer.page.getByRole("row", { name: new RegExp(person.user.name) }).getByText("deaktiviert", { exact: true })).toBeVisible();

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
    await officer.page.goto(`/admin/users?q=${encodeURIComponent(person.user.email)}`);
    const row = officer.page.getByRole("row", { name: new RegExp(person.user.name) });
    await row.getByRole("button", { name: `Rolle und Gruppe von ${person.user.name} ändern` }).click();
    const dialog = officer.page.getByRole("dialog", { name: `${person.user.name}: Rolle und Gruppe` });
    await dialog.getByLabel("Rolle").selectOption("officer");
    await dialog.getByRole("button", { name: "Speichern" }).click();
    await expect(row.getByText("Rolle gespeichert.")).toBeVisible();

    await person.page.goto("/");
    await expect(person.page.getByRole("link", { name: "Anmelden" })).toBeVisible();
    await signIn(person.page, person.user);
    await navOf(person.page).getByRole("button", { name: "Verwaltung" }).click();
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

test.describe("sign-in without JavaScript", () => {
  test("the forms post, the password never appears in a URL, and a wrong password gets the generic answer", async ({ browser }) => {
    const user = await createUser({ role: "stakeholder" });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    await page.goto("/signin?callbackUrl=%2Faccount");
    for (const name of ["Mit Passwort", "Mit Anmeldelink per E-Mail"]) {
      await expect(page.getByRole("region", { name }).locator("form")).toHaveAttribute("method", "post");
    }
    const form = page.getByRole("region", { name: "Mit Passwort" });
    await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(user.email);
    await form.getByLabel("Passwort", { exact: true }).fill("wrong-password-nojs");
    await form.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByRole("alert")).toHaveText("Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Ihre Angaben.");
    await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(user.email);
    await form.getByLabel("Passwort", { exact: true }).fill(user.password);
    await form.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText(`Angemeldet als ${user.name}`)).toBeVisible();
    // Neither password, nor a password field, in any address the browser asked for.
    expect(urls.filter((u) => u.includes("wrong-password-nojs") || u.includes(encodeURIComponent(user.password)) || new URL(u).searchParams.has("password"))).toEqual([]);
    expect(urls.some((u) => new URL(u).pathname === "/api/auth/callback/password")).toBe(true);
    await context.close();
  });

  test("a sign-in link can be requested without JavaScript", async ({ browser }) => {
    const user = await createUser({ role: "council" });
    const after = new Date();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/signin");
    const form = page.getByRole("region", { name: "Mit Anmeldelink per E-Mail" });
    await form.getByLabel("E-Mail-Adresse für den Anmeldelink").fill(user.email);
    await form.getByRole("button", { name: "Link senden" }).click();
    await expect(page.getByRole("heading", { name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
    expect(extractLink((await waitForMail({ to: user.email, after })).text)).toContain("/api/auth/callback/email");
    await context.close();
  });

  test("a form posted from another site is refused (no CSRF token, foreign Origin)", async ({ playwright, baseURL }) => {
    const user = await createUser({ role: "stakeholder" });
    const req = await playwright.request.newContext({ baseURL });
    const res = await req.post("/api/auth/callback/password", {
      form: { email: user.email, password: user.password, callbackUrl: "/" },
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(res.headers()["location"]).toContain("csrf=true");
    expect((await req.storageState()).cookies.some((c) => c.name.endsWith("session-token"))).toBe(false);
    await req.dispose();
  });
});

test("after sign-in the focus is on the main heading of the target page", async ({ page }) => {
  const user = await createUser({ role: "stakeholder" });
  await page.goto("/signin?callbackUrl=%2Faccount");
  const form = page.getByRole("region", { name: "Mit Passwort" });
  await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(user.email);
  await form.getByLabel("Passwort", { exact: true }).fill(user.password);
  await form.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("heading", { name: "Mein Konto", level: 1 })).toBeFocused();
});

test.describe("rate limits", () => {
  test("after five wrong passwords for an address even the right one gets the generic answer until the minute has passed", async ({ page }) => {
    const user = await createUser({ role: "stakeholder" });
    await page.goto("/signin");
    const form = page.getByRole("region", { name: "Mit Passwort" });
    const attempt = async (password: string) => {
      await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(user.email);
      await form.getByLabel("Passwort", { exact: true }).fill(password);
      await form.getByRole("button", { name: "Anmelden" }).click();
    };
    for (let i = 1; i <= 5; i++) {
      await attempt(`wrong-${i}`);
      await expect(form.getByRole("alert")).toHaveText("Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Ihre Angaben.");
      await expect(form.getByRole("button", { name: "Anmelden" })).toBeEnabled();
    }
    await attempt(user.password);
    await expect(form.getByRole("alert")).toHaveText("Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Ihre Angaben.");
    await expect(page.getByRole("button", { name: "Abmelden" })).toHaveCount(0);
    // The minute passes (the window is moved back in the database): the right password works.
    await db().execute(sql`update rate_limits set window_start = now() - interval '2 minutes' where key like 'passwordFailuresPerAddress:%'`);
    await attempt(user.password);
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  });

  test("a fourth sign-in link within 15 minutes gets the same answer but no mail", async ({ playwright, baseURL }) => {
    const user = await createUser({ role: "stakeholder" });
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++) answers.add(JSON.stringify(await requestLink(playwright, baseURL!, user.email, false)));
    expect(answers.size).toBe(1);
    await expect.poll(async () => (await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, user.email))).length).toBe(3);
  });
});

/** A raw sign-in link request as a form would send it, with next-auth's CSRF token; the answer as it comes. */
async function requestLink(playwright: import("@playwright/test").PlaywrightWorkerArgs["playwright"], baseURL: string, email: string, json: boolean) {
  const req = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await req.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await req.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: "/", ...(json ? { json: "true" } : {}) },
    maxRedirects: 0,
  });
  const answer = {
    status: res.status(),
    location: res.headers()["location"] ?? null,
    contentType: res.headers()["content-type"] ?? null,
    setCookies: res
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value.split("=")[0])
      .sort(),
    body: await res.text(),
  };
  await req.dispose();
  return answer;
}

test("known, unknown and deactivated addresses get identical raw answers to a sign-in link request; only the known one gets mail", async ({ playwright, baseURL }) => {
  const known = await createUser({ role: "stakeholder" });
  const inactive = await createUser({ role: "stakeholder", active: false });
  const unknown = `nobody-${Date.now()}@e2e.example`;
  const after = new Date();
  for (const json of [false, true]) {
    const [a, b, c] = [await requestLink(playwright, baseURL!, known.email, json), await requestLink(playwright, baseURL!, unknown, json), await requestLink(playwright, baseURL!, inactive.email, json)];
    expect(a.status).toBe(json ? 200 : 302);
    expect(json ? a.body : a.location).toContain("/api/auth/verify-request?provider=email&type=email");
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  }
  await waitForMail({ to: known.email, after });
  for (const email of [unknown, inactive.email]) expect(await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, email))).toHaveLength(0);
});

test("a sign-in link works once; the second use signs nobody in", async ({ browser }) => {
  const user = await createUser({ role: "council" });
  const after = new Date();
  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto("/signin");
  const form = page.getByRole("region", { name: "Mit Anmeldelink per E-Mail" });
  await form.getByLabel("E-Mail-Adresse für den Anmeldelink").fill(user.email);
  await form.getByRole("button", { name: "Link senden" }).click();
  const link = extractLink((await waitForMail({ to: user.email, after })).text);
  await page.goto(link);
  await expect(page.getByText(`Angemeldet als ${user.name}`)).toBeVisible();
  const second = await browser.newContext();
  const again = await second.newPage();
  await again.goto(link);
  await expect(again.getByRole("main").getByRole("alert")).toHaveText("Dieser Anmeldelink ist ungültig, abgelaufen oder wurde schon benutzt. Fordern Sie bitte einen neuen an.");
  await expect(again.getByRole("button", { name: "Abmelden" })).toHaveCount(0);
  await first.close();
  await second.close();
});

test.describe("invitation links", () => {
  async function invitation(expiresInMs: number) {
    const person = await createUser({ role: "stakeholder" });
    await db().update(users).set({ passwordHash: null }).where(eq(users.id, person.id));
    const token = newToken();
    await db().insert(invitations).values({ userId: person.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + expiresInMs) });
    return { person, token };
  }

  test("an expired invitation cannot be used", async ({ page }) => {
    const { token } = await invitation(-60_000);
    await page.goto(`/invitation/${token}`);
    await expect(page.getByText("Diese Einladung ist ungültig, abgelaufen oder wurde schon angenommen.")).toBeVisible();
    await expect(page.getByLabel("Neues Passwort (mindestens 10 Zeichen)")).toHaveCount(0);
  });

  test("a tampered token is refused while the real one works", async ({ page }) => {
    const { token, person } = await invitation(86_400_000);
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    await page.goto(`/invitation/${tampered}`);
    await expect(page.getByText("Diese Einladung ist ungültig, abgelaufen oder wurde schon angenommen.")).toBeVisible();
    await expect(page.getByLabel("Neues Passwort (mindestens 10 Zeichen)")).toHaveCount(0);
    await page.goto(`/invitation/${token}`);
    await page.getByLabel("Neues Passwort (mindestens 10 Zeichen)").fill("ein-gutes-passwort");
    await page.getByLabel("Passwort wiederholen").fill("ein-gutes-passwort");
    await page.getByLabel("Ich habe die Nutzungsbedingungen gelesen und stimme zu.").check();
    await page.getByRole("button", { name: "Passwort festlegen" }).click();
    // Setting the password signs the person in.
    await expect(page.getByText(`Angemeldet als ${person.name}`)).toBeVisible();
  });
});

test("a data folder seeded for the demo and then served without demo mode: start-up warns, demo accounts cannot sign in; the per-client limit answers 429", async ({ browser }) => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-demo-left-"));
  const port = await freePort();
  const env = {
    DATABASE_URL: undefined,
    SMTP_URL: undefined,
    PGLITE_DIR: path.join(dir, "pglite"),
    PLANWERK_DATA_DIR: dir,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: "demo-left-test-secret-demo-left-test-secret",
    LOG_LEVEL: "info",
    PLANWERK_DIST_DIR: process.env.PLANWERK_DIST_DIR,
    // Only behind a configured proxy is the client's address known, and limited.
    TRUST_PROXY: "1",
  };
  const demoUser = demoUsers.find((u) => u.role === "officer")!;
  let app = await startApp({ env: { ...env, PLANWERK_DEMO: "1" }, port });
  try {
    // Per client: 30 sign-in posts a minute, then 429 with Retry-After; another client is unaffected.
    const post = (client: string) =>
      fetch(`${app.url}/api/auth/callback/password`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": client },
        body: new URLSearchParams({ email: `nobody-${client}@e2e.example`, password: "x", json: "true" }),
        redirect: "manual",
      });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post("203.0.113.7")).status);
    expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await post("203.0.113.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await post("203.0.113.8")).status).not.toBe(429);
    await app.stop();

    app = await startApp({ env: { ...env, PLANWERK_DEMO: "0" }, port });
    await expect.poll(() => app.log()).toMatch(/demo accounts? with the public demo password.*npm run db:remove-demo/);
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Demo-Zugänge" })).toHaveCount(0);
    const form = page.getByRole("region", { name: "Mit Passwort" });
    await form.getByLabel("E-Mail-Adresse", { exact: true }).fill(demoUser.email);
    await form.getByLabel("Passwort", { exact: true }).fill(demoPassword);
    await form.getByRole("button", { name: "Anmelden" }).click();
    await expect(form.getByRole("alert")).toHaveText("Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie Ihre Angaben.");
    await context.close();
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
