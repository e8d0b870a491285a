import { execFile } from "node:child_process";
import http from "node:http";
import autocannon from "autocannon";

/** What one autocannon run gives the report. Latencies in milliseconds. */
export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

export type RequestSpec = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Called before each request on a connection; `context` lives as long as the connection. */
  setupRequest?: (request: { method: string; path: string; headers: Record<string, string>; body?: string }, context: Record<string, unknown>) => {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: string;
  };
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};

/** autocannon against one URL of `origin` with `connections` connections for `seconds` seconds. */
export async function load(origin: string, spec: RequestSpec, { connections = 10, seconds }: { connections?: number; seconds: number }): Promise<LoadResult> {
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: spec.method ?? "GET",
        path: spec.path,
        headers: spec.headers,
        ...(spec.setupRequest ? { setupRequest: spec.setupRequest } : {}),
        ...(spec.onResponse ? { onResponse: spec.onResponse } : {}),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Time to the first byte of the body, in milliseconds, of one GET (a fresh connection each time). */
export function timeToFirstByte(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number; totalMs: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { headers: { ...headers, connection: "close" }, agent: false }, (res) => {
      let first: bigint | undefined;
      res.on("data", () => {
        first ??= process.hrtime.bigint();
      });
      res.on("end", () => {
        const end = process.hrtime.bigint();
        resolve({ ms: Number((first ?? end) - started) / 1e6, totalMs: Number(end - started) / 1e6, status: res.statusCode ?? 0 });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * pgbench's rate for a custom script (transactions per second, without the initial connection
 * time), `clients` clients on 2 threads for `seconds` seconds.
 */
export function pgbench(databaseUrl: string, scriptFile: string, { clients = 10, seconds }: { clients?: number; seconds: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(
      "pgbench",
      ["--no-vacuum", `--client=${clients}`, "--jobs=2", `--time=${seconds}`, `--file=${scriptFile}`, databaseUrl],
      { maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`pgbench failed: ${stderr || error.message}`));
        const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ?? /tps = ([\d.]+)/.exec(stdout);
        if (!m) return reject(new Error(`pgbench printed no tps:\n${stdout}`));
        resolve(Number(m[1]));
      },
    );
  });
}
