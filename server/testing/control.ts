import crypto from "node:crypto";
import http from "node:http";
import { getHandle } from "@/db/client";
import { log } from "../log";

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
  if (token.length < 32) throw new Error("PLANWERK_TEST_CONTROL_TOKEN must be at least 32 characters");
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
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", async () => {
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
