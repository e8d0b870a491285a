import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { limitFromEnv, limitNames } from "./security/rate-limit";

/** Where the embedded database, the lock and the demo secret live. Never used by tests. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PLANWERK_DATA_DIR || path.join(process.cwd(), ".data"));
}

export const isDemo = () => process.env.PLANWERK_DEMO === "1";

const urlWithProtocol = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.map((p) => p + "//").join(" or ")}`);

const envSchema = z.object({
  PORT: z.string().regex(/^\d{1,5}$/, "must be a port number").optional(),
  DATABASE_URL: urlWithProtocol(["postgres:", "postgresql:"]).optional(),
  DATABASE_POOL_SIZE: z.string().regex(/^\d+$/, "must be a whole number").optional(),
  NEXTAUTH_URL: urlWithProtocol(["http:", "https:"]),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  SMTP_URL: urlWithProtocol(["smtp:", "smtps:"]).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

export class EnvironmentError extends Error {}

/** Loopback hosts, the only ones for which an http: NEXTAUTH_URL is accepted outside demo mode. */
const loopback = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Outside demo mode the sign-in cookies must travel over HTTPS only (Secure, __Secure- prefix), so
 * NEXTAUTH_URL must be https:, except on this machine (development, tests).
 */
function insecureUrlProblem(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol === "http:" && !loopback.has(url.hostname)) {
      return `NEXTAUTH_URL must start with https:// outside demo mode (http:// only for localhost), not ${url.origin}`;
    }
  } catch {
    // The schema names a malformed URL.
  }
  return null;
}

/**
 * Validates the environment at start-up and fills the demo defaults. In demo mode a missing
 * NEXTAUTH_SECRET is generated once and kept in the data folder, and NEXTAUTH_URL defaults to
 * http://localhost:$PORT; outside demo mode both must be set. Throws an EnvironmentError whose
 * message names every variable that is wrong.
 */
export function prepareEnvironment(env: Record<string, string | undefined> = process.env): void {
  const port = env.PORT || "3000";
  if (env.PLANWERK_DEMO === "1") {
    env.NEXTAUTH_URL ||= `http://localhost:${port}`;
    if (!env.NEXTAUTH_SECRET) {
      const file = path.join(env.PLANWERK_DATA_DIR ? path.resolve(env.PLANWERK_DATA_DIR) : dataDir(), "nextauth-secret");
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
      }
      env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
    }
  }
  const result = envSchema.safeParse(env);
  const lines = result.success
    ? []
    : result.error.issues.map((i) => {
        const name = String(i.path[0]);
        return env[name] === undefined || env[name] === ""
          ? `${name} is not set (required outside demo mode)`
          : `${name} ${i.message}`;
      });
  if (env.PLANWERK_DEMO !== "1") {
    const insecure = insecureUrlProblem(env.NEXTAUTH_URL);
    if (insecure) lines.push(insecure);
  }
  for (const name of limitNames) {
    try {
      limitFromEnv(name, env);
    } catch (e) {
      lines.push((e as Error).message);
    }
  }
  if (lines.length > 0) throw new EnvironmentError(`Planwerk cannot start: ${lines.join("; ")}.`);
}
