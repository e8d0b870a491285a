import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "../../support/fixtures";
import { sql } from "drizzle-orm";
import { actionRegistry, type ActionName } from "@/server/actions/registry";
import { alwaysRefused, conditionallyRefused, type Audience } from "@/server/permissions";
import { sharedActor, signedIn, type Role } from "../../support/actors";
import { createUser, db } from "../../support/factories";
import { actionCases, type RefusalCase } from "./cases";

type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

/** Next's action ids, read from the build under test, by registry name. */
function actionIds(): { byName: Map<ActionName, { id: string; page: string }>; unregistered: string[] } {
  const dist = process.env.PLANWERK_DIST_DIR || ".next-test";
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), dist, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const byName = new Map<ActionName, { id: string; page: string }>();
  const unregistered: string[] = [];
  for (const [id, entry] of Object.entries(manifest.node)) {
    const name = (Object.keys(actionRegistry) as ActionName[]).find((n) => actionRegistry[n].file === entry.filename && actionRegistry[n].exportName === entry.exportedName);
    if (!name) {
      unregistered.push(`${entry.filename}#${entry.exportedName}`);
      continue;
    }
    // Post to a page that carries the action; fill dynamic segments with any value.
    const worker = Object.keys(entry.workers).sort((a, b) => a.split("[").length - b.split("[").length)[0]!;
    const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[[^\]]+\]/g, "x") || "/";
    byName.set(name, { id, page });
  }
  return { byName, unregistered };
}

/** A valid input for an action (from its domain's cases), so a refusal is the permission's doing and not validation's. */
function validInput(name: ActionName): Promise<unknown> {
  const cases = actionCases[name];
  if (!cases) throw new Error(`no cases for ${name} in e2e/full/access/cases/`);
  return cases.valid();
}

/**
 * A fingerprint of every table's content: equal before and after means nothing changed. Left out is
 * what the server's timers move on their own while a test runs, and what a refused call moves on
 * purpose: rate-limit counters, a session's last-seen time, the mail sender's delivery columns
 * (a new mail still shows as a new row), the digest's e-mail time, and the once-only
 * announcements of an edition's opening and last week (with their notifications).
 */
const timerTables = ["rate_limits", "edition_events"];
const ignoredColumns: Record<string, string[]> = {
  sessions: ["last_seen_at"],
  mail_outbox: ["sent_at", "attempts", "last_error", "next_attempt_at", "text_body", "link", "failed_at"],
  notifications: ["emailed_at"],
};
const rowFilter: Record<string, ReturnType<typeof sql>> = {
  notifications: sql`where kind not in ('consultation_opened', 'consultation_last_week')`,
};

async function databaseFingerprint(): Promise<string> {
  const tables = await db().execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    if (timerTables.includes(table_name)) continue;
    const row = sql.raw(`(to_jsonb(t)${(ignoredColumns[table_name] ?? []).map((c) => ` - '${c}'`).join("")})::text`);
    const [hash] = await db().execute<{ h: string | null }>(
      sql`select md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as h from ${sql.identifier(table_name)} t ${rowFilter[table_name] ?? sql``}`,
    );
    parts.push(`${table_name}:${hash?.h}`);
  }
  return parts.join(",");
}

async function callAction(request: APIRequestContext, action: { id: string; page: string }, args: unknown[]) {
  const res = await request.post(action.page, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: new URL(process.env.E2E_BASE_URL!).origin },
    data: JSON.stringify(args),
  });
  return { status: res.status(), body: await res.text() };
}

const { byName, unregistered } = actionIds();

test("every server action of the build is in the registry, and every registered action is in the build", () => {
  expect(unregistered).toEqual([]);
  expect((Object.keys(actionRegistry) as ActionName[]).filter((n) => !byName.has(n))).toEqual([]);
});

for (const name of Object.keys(actionRegistry) as ActionName[]) {
  const refused: Audience[] = alwaysRefused(actionRegistry[name].permission);
  for (const audience of refused) {
    test(`${name} called directly as ${audience} is refused and changes nothing`, async ({ browser, playwright }) => {
      const action = byName.get(name)!;
      const input = await validInput(name);
      const actor = audience === "public" ? null : await sharedActor(browser, audience as Role);
      const request = actor?.context.request ?? (await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL }));
      const before = await databaseFingerprint();
      const { status, body } = await callAction(request, action, [input]);
      expect(status).toBe(200);
      expect(body).toContain(audience === "public" ? '"code":"unauthenticated"' : '"code":"forbidden"');
      expect(await databaseFingerprint()).toBe(before);
      await (actor ? actor.context.close() : request.dispose());
    });
  }

  test(`${name} called directly with arguments of the wrong shape gets a clear message and changes nothing`, async ({ browser }) => {
    const action = byName.get(name)!;
    const officer = await sharedActor(browser, "officer");
    const before = await databaseFingerprint();
    for (const args of [[], [42], ["text"], [null], [{ unexpected: true }], [[1, 2]], [{ userId: 5, email: {}, locale: ["de"], token: 1 }]]) {
      const { status, body } = await callAction(officer.context.request, action, args);
      expect(status, JSON.stringify(args)).toBe(200);
      expect(body, JSON.stringify(args)).toContain('"code":"invalid"');
      expect(body).toContain("Bitte prüfen Sie Ihre Eingaben.");
      expect(body).not.toMatch(/at .+\.(js|ts):\d+/);
    }
    expect(await databaseFingerprint()).toBe(before);
    await officer.context.close();
  });
}

test("every action declares a valid input, and every rule that can refuse has a declared refusal case for each action that uses it", () => {
  const missing: string[] = [];
  for (const name of Object.keys(actionRegistry) as ActionName[]) {
    if (!actionCases[name]) missing.push(`${name}: no cases at all`);
    for (const audience of conditionallyRefused(actionRegistry[name].permission)) {
      if (!actionCases[name]?.refused?.[audience]?.length) missing.push(`${name} as ${audience}`);
    }
  }
  expect(missing).toEqual([]);
});

for (const name of Object.keys(actionRegistry) as ActionName[]) {
  for (const [audience, cases] of Object.entries(actionCases[name]?.refused ?? {}) as [Audience, RefusalCase[]][]) {
    for (const c of cases) {
      test(`${name} as ${audience} is refused for ${c.what}, with the reason, and changes nothing`, async ({ browser, playwright }) => {
        const actor = audience === "public" ? null : await signedIn(browser, audience as Role);
        const request = actor?.context.request ?? (await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL }));
        const input = await c.input(actor?.user ?? { id: "" });
        const before = await databaseFingerprint();
        const { status, body } = await callAction(request, byName.get(name)!, [input]);
        expect(status).toBe(200);
        expect(body).toContain(`"code":"${c.code}"`);
        if (typeof c.message === "string") expect(body).toContain(c.message);
        else expect(body).toMatch(c.message);
        expect(await databaseFingerprint()).toBe(before);
        await (actor ? actor.context.close() : request.dispose());
      });
    }
  }
}

test("a person over an action's rate limit gets a typed refusal with the wait in their language, and nothing changes", async ({ browser }) => {
  const person = await signedIn(browser, "stakeholder");
  const action = byName.get("profile.update")!;
  let last = { status: 0, body: "" };
  for (let i = 0; i < 60; i++) {
    last = await callAction(person.context.request, action, [{ name: `Name ${i}`, displayMode: "private" }]);
    expect(last.body, `call ${i + 1}`).toContain('"ok":true');
  }
  const before = await databaseFingerprint();
  last = await callAction(person.context.request, action, [{ name: "Zu viel", displayMode: "org_only" }]);
  expect(last.body).toContain('"code":"rate_limited"');
  expect(last.body).toMatch(/Zu viele Anfragen in kurzer Zeit\. Bitte warten Sie \d+ Sekunden und versuchen Sie es dann noch einmal\./);
  // Only the counter moved: the refused change did not happen.
  const [row] = await db().execute<{ name: string }>(sql`select name from users where id = ${person.user.id}`);
  expect(row?.name).toBe("Name 59");
  expect(await databaseFingerprint()).toBe(before);
  await person.context.close();
});

test("the allowed case: an officer's direct call deactivates another person", async ({ browser }) => {
  const officer = await sharedActor(browser, "officer");
  const target = await createUser({ role: "stakeholder" });
  const { body } = await callAction(officer.context.request, byName.get("user.setActive")!, [{ userId: target.id, active: false }]);
  expect(body).toContain('"ok":true');
  const [row] = await db().execute<{ active: boolean }>(sql`select active from users where id = ${target.id}`);
  expect(row?.active).toBe(false);
  await officer.context.close();
});
