import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHandle } from "@/db/client";
import { controlRefusal, MAX_REQUEST_BYTES, startTestControl } from "@/server/testing/control";
import { freePort } from "@/scripts/lib/ports";

// The loopback channel through which e2e factories reach the embedded database of a test server.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-control-"));
const token = "t".repeat(40);
let url = "";

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = path.join(dir, "pglite");
  const port = await freePort();
  process.env.PLANWERK_TEST_CONTROL_PORT = String(port);
  process.env.PLANWERK_TEST_CONTROL_TOKEN = token;
  url = `http://127.0.0.1:${port}/`;
  await (await getHandle()).migrate();
  await startTestControl();
});
afterAll(async () => {
  await (await getHandle()).close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (auth: string | undefined, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(body) });

describe("test control channel", () => {
  it("runs SQL for the holder of the token, in array or object rows", async () => {
    const all = await post(`Bearer ${token}`, { sql: "select $1::int + 1 as n", params: [41], method: "all" });
    expect(await all.json()).toEqual([[42]]);
    const execute = await post(`Bearer ${token}`, { sql: "select count(*)::int as n from stakeholder_groups", params: [], method: "execute" });
    expect(await execute.json()).toEqual([{ n: 0 }]);
  });

  it("refuses a request without the right token", async () => {
    expect((await post(undefined, { sql: "select 1", params: [], method: "all" })).status).toBe(403);
    expect((await post(`Bearer ${"x".repeat(40)}`, { sql: "select 1", params: [], method: "all" })).status).toBe(403);
  });

  it("refuses a request body over the cap, unread", async () => {
    const big = "x".repeat(MAX_REQUEST_BYTES + 10);
    const res = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ sql: big, params: [], method: "all" }) }).catch((e: Error) => e);
    // Either a 413 or the connection closed on the oversized upload; never a query run.
    if (!(res instanceof Error)) expect(res.status).toBe(413);
    const ok = await post(`Bearer ${token}`, { sql: "select 1 as n", params: [], method: "execute" });
    expect(ok.status).toBe(200);
  });

  it("never opens in demo mode or on the default data folder", async () => {
    expect(controlRefusal({ PLANWERK_DEMO: "1", PGLITE_DIR: "/tmp/x", PLANWERK_TEST_CONTROL_TOKEN: token })).toMatch(/demo mode/);
    expect(controlRefusal({ PLANWERK_TEST_CONTROL_TOKEN: token })).toMatch(/default data folder/);
    expect(controlRefusal({ PGLITE_DIR: path.join(process.cwd(), ".data", "pglite"), PLANWERK_TEST_CONTROL_TOKEN: token })).toMatch(/default data folder/);
    expect(controlRefusal({ PGLITE_DIR: "/tmp/run/pglite", PLANWERK_TEST_CONTROL_TOKEN: token })).toBeNull();
    process.env.PLANWERK_DEMO = "1";
    await expect(startTestControl()).rejects.toThrow(/test runs only: it never opens in demo mode/);
    delete process.env.PLANWERK_DEMO;
  });

  it("refuses to open with a short token", async () => {
    process.env.PLANWERK_TEST_CONTROL_TOKEN = "short";
    await expect(startTestControl()).rejects.toThrow(/at least 32 characters/);
    process.env.PLANWERK_TEST_CONTROL_TOKEN = token;
  });
});
