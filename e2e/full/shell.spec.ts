import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { editions } from "@/db/schema";
import { expect, test, type Page } from "../support/fixtures";
import { sharedActor, signedIn, signIn } from "../support/actors";
import { createUser, db } from "../support/factories";
import { builtPageRoutes, routeVisits } from "../support/routes";

/**
 * The app shell on every route of the build, for every audience that may open it:
 * - contrast of every visible link and button against the first opaque background behind it
 *   (text ≥ 4.5:1, large text ≥ 3:1), at rest and focused, and of the focus ring (≥ 3:1) —
 *   axe leaves text over backgrounds it cannot determine as "incomplete", so we compute it here;
 * - reflow (WCAG 1.4.10): the document is never wider than a 320 or 390 px viewport;
 * - the header stays under 80 px (phone, menu closed; desktop, one row);
 * - every page has its own title, naming its main heading.
 */

type ContrastFailure = { what: string; ratio: number; needed: number; state: string };

/** Runs in the browser: contrast of links and buttons (and, focused, of their focus ring). */
function contrastFailures({ focused }: { focused: boolean }): ContrastFailure[] {
  type RGBA = [number, number, number, number];
  const parse = (c: string): RGBA => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    const ch = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
    return [ch(0), ch(1), ch(2), a];
  };
  /** The colour at a point: the backgrounds stacked there (top first), down to the first opaque one; `skip` leaves an element out. */
  const behindAt = (x: number, y: number, skip?: Element): RGBA => {
    const layers: RGBA[] = [];
    for (const cur of document.elementsFromPoint(x, y)) {
      if (skip && (cur === skip || skip.contains(cur))) continue;
      const bg = parse(getComputedStyle(cur).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let color: RGBA = [255, 255, 255, 1];
    for (const layer of layers.reverse()) color = over(layer, color);
    return color;
  };
  /** Behind the text: what is painted under the element's centre (its own background included). */
  const behind = (el: Element): RGBA => {
    const r = el.getBoundingClientRect();
    const own = parse(getComputedStyle(el).backgroundColor);
    const under = behindAt(r.left + r.width / 2, r.top + r.height / 2, el);
    return own[3] > 0 ? over(own, under) : under;
  };
  /** Behind the focus ring: what is painted just outside the element, where the outline lies. */
  const behindRing = (el: Element, offset: number, width: number): RGBA => {
    const r = el.getBoundingClientRect();
    const d = Math.max(offset, 0) + width / 2;
    const x = r.left - d >= 0 ? r.left - d : r.right + d;
    return behindAt(x, r.top + r.height / 2, el);
  };
  const lum = ([r, g, b]: RGBA) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (l1 + 0.05) / (l2 + 0.05);
  };
  const visible = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && s.display !== "none" && el.closest(".visually-hidden") === null && el.checkVisibility();
  };
  const describe = (el: HTMLElement) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 60)}"`;
  const failures: ContrastFailure[] = [];
  const targets = [...document.querySelectorAll<HTMLElement>("a[href], button, [role=button], input[type=submit], summary")].filter(
    (el) => visible(el) && !(el as HTMLButtonElement).disabled,
  );
  for (const el of targets) {
    el.scrollIntoView({ block: "center", inline: "nearest" });
    if (focused) el.focus();
    const state = focused ? "focused" : "rest";
    const s = getComputedStyle(el);
    if ((el.textContent ?? "").trim() !== "") {
      const bg = behind(el);
      const fg = over(parse(s.color), bg);
      const size = parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      const r = ratio(fg, bg);
      const needed = large ? 3 : 4.5;
      if (r < needed) failures.push({ what: `text of ${describe(el)}`, ratio: Math.round(r * 100) / 100, needed, state });
    }
    if (focused) {
      if (document.activeElement !== el) continue;
      const width = parseFloat(s.outlineWidth);
      if (s.outlineStyle === "none" || width < 2) {
        failures.push({ what: `focus indicator of ${describe(el)} (none)`, ratio: 0, needed: 3, state });
      } else {
        // The ring lies outside the element (outline-offset ≥ 0): it is seen against what is painted there.
        const ringBg = parseFloat(s.outlineOffset) >= 0 ? behindRing(el, parseFloat(s.outlineOffset), width) : behind(el);
        const r = ratio(over(parse(s.outlineColor), ringBg), ringBg);
        if (r < 3) failures.push({ what: `focus indicator of ${describe(el)}`, ratio: Math.round(r * 100) / 100, needed: 3, state });
      }
      el.blur();
    }
  }
  return failures;
}

const normal = (s: string) => s.replace(/\s+/g, " ").trim();
const titles = new Map<string, string>();

async function checkShell(page: Page, label: string) {
  // Desktop: one header row, titles, contrast at rest and focused.
  await page.setViewportSize({ width: 1280, height: 900 });
  const h1 = normal(await page.locator("main h1").first().innerText());
  const title = await page.title();
  expect(title, `${label}: title names the main heading`).toContain(h1);
  expect(title, `${label}: title ends with the app's name`).toMatch(/Planwerk/);
  expect((await page.locator(".site-header").boundingBox())!.height, `${label}: desktop header in one row`).toBeLessThan(80);
  expect(await page.evaluate(contrastFailures, { focused: false }), `${label}: contrast at rest`).toEqual([]);
  // Keyboard modality first, so programmatic focus shows :focus-visible as Tab would.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(contrastFailures, { focused: true }), `${label}: contrast focused`).toEqual([]);
  // Phones: no sideways scrolling; the header stays small.
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    const { doc, view } = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
    expect(doc, `${label}: document width at ${width} px`).toBeLessThanOrEqual(view);
    expect((await page.locator(".site-header").boundingBox())!.height, `${label}: phone header at ${width} px`).toBeLessThan(80);
  }
  return title;
}

test("the benchmark's shell page does not exist unless the server runs for the benchmark (PLANWERK_BENCH=1)", async ({ page }) => {
  const response = await page.goto("/bench/shell");
  expect(response?.status()).toBe(404);
  await expect(page.locator("main h1")).toHaveText("Seite nicht gefunden");
});

test("every page route of the build has a shell visit", () => {
  const missing = builtPageRoutes().filter((r) => !routeVisits[r] || routeVisits[r].allowed.length === 0);
  expect(missing).toEqual([]);
});

for (const [route, visit] of Object.entries(routeVisits)) {
  for (const audience of visit.allowed) {
    test(`shell: ${route} as ${audience}`, async ({ browser, page }) => {
      const actor = audience === "public" ? null : await sharedActor(browser, audience);
      const p = actor?.page ?? page;
      await p.goto(await visit.url());
      await expect(p.locator("main h1").first()).toBeVisible();
      const title = await checkShell(p, `${route} as ${audience}`);
      titles.set(route, title);
      await actor?.context.close();
    });
  }
}

test("every route has a title of its own", () => {
  const seen = new Map<string, string>();
  for (const [route, title] of titles) {
    expect(seen.get(title), `"${title}" is the title of ${seen.get(title)} and ${route}`).toBeUndefined();
    seen.set(title, route);
  }
  expect(titles.size).toBe(Object.keys(routeVisits).length);
});

test("a section's title names section, edition and app", async ({ page }) => {
  const [e] = await db().select({ id: editions.id }).from(editions).where(eq(editions.year, 2027));
  await page.goto(`/editions/${e!.id}/sections/grundlagen-bevoelkerung`);
  await expect(page).toHaveTitle(/^\d+\.\d+ Bevölkerung mit Migrationshintergrund · Integrationsplan 2027 · Planwerk$/);
});

test("phone menu: a disclosure with the navigation, the language switch and the account; Escape closes it", async ({ browser }) => {
  const officer = await signedIn(browser, "officer");
  const page = officer.page;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const menu = page.getByRole("button", { name: "Menü" });
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Personen" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeHidden();
  expect((await page.locator(".site-header").boundingBox())!.height).toBeLessThan(80);

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const admin = nav.getByRole("button", { name: "Verwaltung" });
  await admin.click();
  await expect(nav.getByRole("link", { name: "Personen" })).toBeVisible();
  // Escape closes the inner group first (focus back on its button), then the menu.
  await page.keyboard.press("Escape");
  await expect(admin).toHaveAttribute("aria-expanded", "false");
  await expect(admin).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: "English" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  await expect(page.getByText(`Angemeldet als ${officer.user.name}`)).toBeVisible();
  expect(await page.evaluate(contrastFailures, { focused: false })).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav.getByRole("link", { name: "Personen" })).toBeHidden();

  // Following a link closes the menu and puts the focus on the new page's heading.
  await menu.click();
  await admin.click();
  await nav.getByRole("link", { name: "Personen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personen" })).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await officer.context.close();
});

test("desktop: the officer's header is one row; a very long name does not break it", async ({ browser }) => {
  const officer = await signedIn(browser, "officer", { name: `Dr. ${"Maximiliane-Konstanze ".repeat(5)}von Hohenstaufen-Göppingen`.slice(0, 120) });
  const page = officer.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/admin/users");
  expect((await page.locator(".site-header").boundingBox())!.height).toBeLessThan(80);
  await expect(page.getByRole("button", { name: "Menü" })).toBeHidden();
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.getByRole("button", { name: "Menü" }).click();
    await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `width ${width}`).toBe(true);
    await page.keyboard.press("Escape");
  }
  await officer.context.close();
});

test("focus moves to the main heading after a client-side navigation and after sign-in", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: /Jetzt in Beteiligung: Integrationsplan Landkreis Göppingen 2027/ }).getByRole("link", { name: "Entwurf lesen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integrationsplan Landkreis Göppingen 2027" })).toBeFocused();
  await page.getByRole("link", { name: /^2 Wohnen$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Wohnen/ })).toBeFocused();

  const user = await createUser({ role: "stakeholder" });
  await signIn(page, user);
  await expect(page.getByRole("heading", { level: 1, name: "Integrationsplan Landkreis Göppingen" })).toBeFocused();
});

test("the plan's text is marked as German in the English interface", async ({ page }) => {
  const [e] = await db().select({ id: editions.id }).from(editions).where(eq(editions.year, 2027));
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto(`/editions/${e!.id}/sections/grundlagen-bevoelkerung`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "de");
  const text = page.locator(".section-text");
  await expect(text).toHaveAttribute("lang", "de");
  await expect(text).toContainText("Statistischen Bundesamtes");
  // The interface around it stays English.
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
});

test("a wide table scrolls in its own labelled, focusable region, not the page", async ({ page }) => {
  const [e] = await db().select({ id: editions.id }).from(editions).where(eq(editions.year, 2027));
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`/editions/${e!.id}/sections/grundlagen-bevoelkerung`);
  const region = page.getByRole("region", { name: /Tabelle, seitlich verschiebbar: Merkmal/ });
  await expect(region).toBeVisible();
  await expect(region.getByRole("table")).toBeVisible();
  await region.focus();
  await expect(region).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});

test("a superseded edition says so at the top and links the edition that replaced it", async ({ page }) => {
  const byYear = async (year: number) => (await db().select({ id: editions.id }).from(editions).where(eq(editions.year, year)))[0]!.id;
  await page.goto(`/editions/${await byYear(2011)}`);
  const note = page.getByRole("note").filter({ hasText: "Diese Ausgabe gilt nicht mehr." });
  await expect(note).toBeVisible();
  // It stands above the heading.
  const [noteBox, h1Box] = [await note.boundingBox(), await page.getByRole("heading", { level: 1 }).boundingBox()];
  expect(noteBox!.y).toBeLessThan(h1Box!.y);
  await note.getByRole("link", { name: "Integrationsplan Landkreis Göppingen 2022" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integrationsplan Landkreis Göppingen 2022" })).toBeVisible();
  await expect(page.getByText("Diese Ausgabe gilt nicht mehr.")).toHaveCount(0);
});

test("outside demo mode there is no demo notice and the outbox is not in the public navigation", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("complementary", { name: "Demo-Modus" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Postausgang" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Zum Postausgang" })).toHaveCount(0);
});

/**
 * Start page, a section with a table, sign-in and the people page at 390 and 1280 px. With
 * SCREENSHOTS=1 (scripts/screenshots.ts) into docs/screenshots, otherwise into the test's output folder.
 */
test("screenshots", async ({ browser, page }, testInfo) => {
  const dir = process.env.SCREENSHOTS ? path.join(process.cwd(), "docs", "screenshots") : testInfo.outputPath("screenshots");
  fs.mkdirSync(dir, { recursive: true });
  const [e] = await db().select({ id: editions.id }).from(editions).where(eq(editions.year, 2027));
  const officer = await signedIn(browser, "officer", { name: "Sabine Integrationsbeauftragte" });
  // A people list with the states it shows: a volunteer, a council member, a deactivated person.
  await createUser({ role: "stakeholder", group: "ehrenamt", name: "Ayşe Yılmaz" });
  await createUser({ role: "council", name: "Dr. Konstantin Weißenhorn-Bräuninger" });
  await createUser({ role: "stakeholder", organisationKey: "agentur-arbeit", name: "Giulia Russo", active: false });
  const shots: [string, Page, string][] = [
    ["start", page, "/"],
    ["section-with-table", page, `/editions/${e!.id}/sections/grundlagen-bevoelkerung`],
    ["signin", page, "/signin"],
    ["people", officer.page, "/admin/users"],
  ];
  for (const [name, p, url] of shots) {
    for (const width of [390, 1280]) {
      await p.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await p.goto(url);
      await expect(p.locator("main h1")).toBeVisible();
      // The people list grows with every run's test accounts: its first two screens are enough.
      const clip = name === "people" ? { x: 0, y: 0, width, height: 2 * (width === 390 ? 844 : 900) } : undefined;
      await p.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true, ...(clip ? { clip } : {}) });
    }
  }
  await officer.context.close();
});
