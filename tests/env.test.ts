import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EnvironmentError, prepareEnvironment } from "@/server/env";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-env-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("start-up environment", () => {
  it("names every missing variable outside demo mode", () => {
    const env: Record<string, string | undefined> = {};
    expect(() => prepareEnvironment(env)).toThrow(EnvironmentError);
    expect(() => prepareEnvironment(env)).toThrow(/NEXTAUTH_URL is not set.*NEXTAUTH_SECRET is not set/);
  });

  it("names a malformed value", () => {
    const env: Record<string, string | undefined> = { NEXTAUTH_URL: "http://localhost:3000", NEXTAUTH_SECRET: "x".repeat(40), DATABASE_URL: "mysql://db" };
    expect(() => prepareEnvironment(env)).toThrow(/DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\//);
  });

  it("accepts a complete production environment unchanged", () => {
    const env: Record<string, string | undefined> = { NEXTAUTH_URL: "https://planwerk.example", NEXTAUTH_SECRET: "s".repeat(40), DATABASE_URL: "postgres://u@h/db", SMTP_URL: "smtp://mail:25" };
    prepareEnvironment(env);
    expect(env.NEXTAUTH_SECRET).toBe("s".repeat(40));
  });

  it("in demo mode generates the secret once, keeps it in the data folder and defaults the URL to the port", () => {
    const dataDir = tempDir();
    const first: Record<string, string | undefined> = { PLANWERK_DEMO: "1", PLANWERK_DATA_DIR: dataDir, PORT: "4321" };
    prepareEnvironment(first);
    expect(first.NEXTAUTH_URL).toBe("http://localhost:4321");
    expect(first.NEXTAUTH_SECRET!.length).toBeGreaterThanOrEqual(32);
    const second: Record<string, string | undefined> = { PLANWERK_DEMO: "1", PLANWERK_DATA_DIR: dataDir };
    prepareEnvironment(second);
    expect(second.NEXTAUTH_SECRET).toBe(first.NEXTAUTH_SECRET);
    expect(second.NEXTAUTH_URL).toBe("http://localhost:3000");
  });
});

describe("NEXTAUTH_URL outside demo mode", () => {
  const base = { NEXTAUTH_SECRET: "s".repeat(40) };
  it.each(["http://planwerk.example", "http://10.0.0.5:3000", "http://localhost.evil.example"])("refuses the plain-http address %s", (url) => {
    expect(() => prepareEnvironment({ ...base, NEXTAUTH_URL: url })).toThrow(/NEXTAUTH_URL must start with https:\/\/ outside demo mode/);
  });
  it.each(["https://planwerk.example", "http://localhost:3000", "http://127.0.0.1:4000", "http://[::1]:3000"])("accepts %s", (url) => {
    expect(() => prepareEnvironment({ ...base, NEXTAUTH_URL: url })).not.toThrow();
  });
  it("accepts a plain-http address in demo mode", () => {
    expect(() => prepareEnvironment({ ...base, PLANWERK_DEMO: "1", NEXTAUTH_URL: "http://planwerk-demo.local:3000" })).not.toThrow();
  });
  it("names a malformed rate limit override", () => {
    expect(() => prepareEnvironment({ ...base, NEXTAUTH_URL: "https://planwerk.example", RATE_LIMIT_PASSWORD_FAILURES_PER_ADDRESS: "lots" })).toThrow(
      /RATE_LIMIT_PASSWORD_FAILURES_PER_ADDRESS must look like max\/seconds/,
    );
  });
});
