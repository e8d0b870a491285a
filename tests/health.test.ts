import { afterEach, describe, expect, it, vi } from "vitest";

const g = globalThis as unknown as { __planwerkDb?: unknown };
const saved = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR };
const tempDirs: string[] = [];

afterEach(async () => {
  const handle = (await (g.__planwerkDb as Promise<{ close(): Promise<void> }> | undefined)?.catch(() => undefined)) ?? undefined;
  await handle?.close().catch(() => undefined);
  g.__planwerkDb = undefined;
  process.env.DATABASE_URL = saved.url;
  process.env.PGLITE_DIR = saved.dir;
  const fs = await import("node:fs");
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  vi.resetModules();
});

describe("GET /api/health", () => {
  it("answers 200 with the database status when the database answers", async () => {
    delete process.env.DATABASE_URL;
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    process.env.PGLITE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-health-"));
    tempDirs.push(process.env.PGLITE_DIR);
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: { status: "ok", driver: "pglite" } });
  });

  it("answers 503 when the database is unreachable", async () => {
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/planwerk_unreachable";
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", database: { status: "unreachable" } });
  });
});
