import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import { getHandle, pgliteDir } from "@/db/client";
import { log } from "../log";

/** A test's SQL statement is small; anything larger is refused unread. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Why the channel must not open here, or null. Tests set it up on a folder of their own, never in demo mode. */
export function controlRefusal(env: Record<string, string | undefined> = process.env): string | null {
  if (env.PLANWERK_DEMO === "1") return "it never opens in demo mode";
  const dir = path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR || pgliteDir());
  if (dir === path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite") || !env.PGLITE_DIR) return "it never opens on the default data folder (./.data)";
  if ((env.PLANWERK_TEST_CONTROL_TOKEN ?? "").length < 32) return "PLANWERK_TEST_CONTROL_TOKEN must be at least 32 characters";
  return null;
}

/**
 * For test runs on the embedded database only. PGlite allows one process per folder, so the e2e
 * factories cannot open it beside the server; when the test runner sets
 * PLANWERK_TEST_CONTROL_PORT and PLANWERK_TEST_CONTROL_TOKEN, this loopback-only listener runs their
 * SQL in the server process (drizzle's pg-proxy protocol). It is off unless both are set, refuses
 * short tokens, and never runs against a PostgreSQL server (tests reach that directly).
 */
export async function startTestControl(): Promise<void> {
  const port = Number(process.env.PLANWERK_TEST_CONTROL_PORT);
  const token = process.env.PLANWERK_TEST_CONTROL_TOKEN ?? "";
  if (!port) return;
  const refusal = controlRefusal();
  if (refusal) throw new Error(`The test control channel is for test runs only: ${refusal}`);
  const handle = await getHandle();
  if (!handle.rawQuery) {
    log.warn("test control channel ignored: only for the embedded database");
    return;
  }
  const rawQuery = handle.rawQuery;
  const expected = Buffer.from(`Bearer ${token}`);
  const server = http.createServer((req, res) => {
    const given = Buffer.from(req.headers.authorization ?? "");
    if (req.method !== "POST" || given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      res.writeHead(403).end();
      return;
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_REQUEST_BYTES) {
      res.writeHead(413, { connection: "close" }).end();
      req.destroy();
      return;
    }
    let body = "";
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) {
        res.writeHead(413, { connection: "close" }).end();
        req.destroy();
        return;
      }
      body += c.toString();
    });
    req.on("end", async () => {
      if (size > MAX_REQUEST_BYTES) return;
      try {
        const { sql, params, method } = JSON.parse(body) as { sql: string; params: unknown[]; method: string };
        const rows = await rawQuery(sql, params, method === "all" ? "array" : "object");
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows));
      } catch (e) {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: (e as Error).message }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  server.unref();
  log.warn({ port }, "test control channel open on loopback (test runs only)");
}
