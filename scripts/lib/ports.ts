import { execFileSync } from "node:child_process";
import net from "node:net";

/** Ports the tests must never take: the demo's default and Next's dev default. */
const RESERVED = new Set([3000, 3001]);

function listenOnce(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    // No host: binds the dual-stack wildcard, so the port is free on 127.0.0.1 and ::1 alike
    // (the browser may resolve "localhost" to either).
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A port that is free now, chosen by the OS (never 3000). */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const port = await listenOnce();
    if (port > 0 && !RESERVED.has(port)) return port;
  }
  throw new Error("could not find a free TCP port");
}

/**
 * The same, synchronously, for places that cannot await (playwright.config.ts is loaded as
 * CommonJS, without top-level await).
 */
export function freePortSync(): number {
  const script = `
    const net = require("node:net");
    const s = net.createServer();
    s.listen(0, () => { const p = s.address().port; s.close(() => process.stdout.write(String(p))); });
  `;
  for (let i = 0; i < 20; i++) {
    const port = Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim());
    if (port > 0 && !RESERVED.has(port)) return port;
  }
  throw new Error("could not find a free TCP port");
}
