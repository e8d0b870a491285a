import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect, takeCspViolations, test } from "../support/fixtures";
import { sharedActor } from "../support/actors";
import { createUser, db } from "../support/factories";

const base = () => process.env.E2E_BASE_URL!;

/** Next's id of a server action, from the build under test. */
function actionId(file: string, exportName: string): string {
  const dist = process.env.PLANWERK_DIST_DIR || ".next-test";
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, e]) => e.filename === file && e.exportedName === exportName);
  if (!entry) throw new Error(`no action ${file}#${exportName} in the build`);
  return entry[0];
}

test.describe("headers", () => {
  test("every page carries a nonce CSP and the protective headers; the nonce changes per request", async ({ request }) => {
    const nonces = new Set<string>();
    for (const url of ["/", "/signin", "/no-such-page", "/", "/api/health"]) {
      const res = await request.get(url);
      const h = res.headers();
      const csp = h["content-security-policy"] ?? "";
      const script = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
      expect(script, url).toMatch(/^script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
      expect(csp, url).not.toContain("unsafe-eval");
      for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "default-src 'self'"]) expect(csp, url).toContain(d);
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
      expect(h["x-content-type-options"], url).toBe("nosniff");
      expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"], url).toContain("camera=()");
      expect(h["permissions-policy"], url).toContain("geolocation=()");
      // Served over plain http in the test: no HSTS (a browser would ignore it anyway).
      expect(h["strict-transport-security"], url).toBeUndefined();
    }
    expect(nonces.size).toBe(5);
    // Static files get the static headers too.
    const html = await (await request.get("/")).text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
    expect((await request.get(asset)).headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("the page's scripts carry the nonce of its CSP", async ({ page }) => {
    const res = await page.goto("/");
    const nonce = /'nonce-([^']+)'/.exec(res!.headers()["content-security-policy"]!)![1];
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const n of scripts) expect(n).toBe(nonce);
  });

  test("pages for signed-in people are not stored by caches", async ({ browser, request }) => {
    const officer = await sharedActor(browser, "officer");
    for (const url of ["/", "/account", "/admin/users"]) {
      const res = await officer.context.request.get(url);
      expect(res.headers()["cache-control"], url).toContain("no-store");
    }
    await officer.context.close();
    // The public's pages are not personal; they need not be no-store, but are never public-cacheable either.
    expect((await request.get("/")).headers()["cache-control"] ?? "").not.toMatch(/public/);
  });

  test("an inline script injected into a page does not run, and the browser reports the violation", async ({ page }) => {
    await page.route("**/signin", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
      await route.fulfill({ response, body });
    });
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Anmelden", level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect.poll(() => takeCspViolations().length).toBeGreaterThan(0);
  });
});

test.describe("cross-site requests and bypass headers", () => {
  test("a server action called with a foreign, null or missing Origin is refused and changes nothing", async ({ browser }) => {
    const officer = await sharedActor(browser, "officer");
    const target = await createUser({ role: "stakeholder" });
    const id = actionId("server/users/actions.ts", "setUserActive");
    const variants: Record<string, string | undefined> = { foreign: "https://evil.example", null: "null", missing: undefined, lookalike: `${base()}.evil.example` };
    for (const [label, origin] of Object.entries(variants)) {
      const res = await officer.context.request.post("/admin/users", {
        headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...(origin ? { Origin: origin } : {}) },
        data: JSON.stringify([{ userId: target.id, active: false }]),
      });
      expect(res.status(), label).toBe(403);
      // Forged forwarding headers do not help either.
      const forged = await officer.context.request.post("/admin/users", {
        headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: "https://evil.example", "X-Forwarded-Host": "evil.example", Host: "evil.example" },
        data: JSON.stringify([{ userId: target.id, active: false }]),
      });
      expect(forged.status(), `${label} with forged host`).toBe(403);
    }
    const [row] = await db().execute<{ active: boolean }>(sql`select active from users where id = ${target.id}`);
    expect(row?.active).toBe(true);
    await officer.context.close();
  });

  test("x-middleware-subrequest variants get the same refusal on protected pages and actions", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: base(), maxRedirects: 0 });
    const values = [
      "middleware",
      "middleware:middleware:middleware:middleware:middleware",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
      "proxy:proxy:proxy:proxy:proxy",
      "pages/_middleware",
    ];
    const plain = await request.get("/admin/users");
    expect(plain.status()).toBe(307);
    expect(plain.headers()["location"]).toContain("/signin?callbackUrl=%2Fadmin%2Fusers");
    for (const v of values) {
      const res = await request.get("/admin/users", { headers: { "x-middleware-subrequest": v } });
      expect(res.status(), v).toBe(plain.status());
      expect(res.headers()["location"], v).toBe(plain.headers()["location"]);
      expect(res.headers()["content-security-policy"], v).toContain("'strict-dynamic'");
      const action = await request.post("/admin/users", {
        headers: { "x-middleware-subrequest": v, "Next-Action": actionId("server/users/actions.ts", "setUserActive"), "Content-Type": "text/plain;charset=UTF-8", Origin: new URL(base()).origin },
        data: JSON.stringify([{ userId: "00000000-0000-4000-8000-000000000000", active: false }]),
      });
      expect(await action.text(), v).toContain('"code":"unauthenticated"');
    }
    await request.dispose();
  });
});
