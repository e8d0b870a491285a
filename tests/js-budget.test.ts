import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuildNotFoundError, formatBudgetTable, measureFirstLoadJs, routeOfEntry } from "@/scripts/lib/js-budget";

/**
 * A fake Next 16 build with the manifest shapes of a real one (build-manifest.json and
 * server/app/**\/page_client-reference-manifest.js) and chunk files of known gzip size: random
 * bytes do not compress, so a file's gzip size is about its length.
 */
let dist: string;
const gz = (name: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, "static/chunks", name)), { level: 9 }).length;

function chunk(name: string, bytes: number) {
  fs.writeFileSync(path.join(dist, "static/chunks", name), crypto.randomBytes(bytes));
}

function clientManifest(dir: string, entry: string, entryJSFiles: Record<string, string[]>) {
  const folder = path.join(dist, "server/app", dir);
  fs.mkdirSync(folder, { recursive: true });
  const manifest = { moduleLoading: { prefix: "" }, clientModules: {}, entryCSSFiles: {}, entryJSFiles };
  fs.writeFileSync(
    path.join(folder, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify(manifest)};\n`,
  );
}

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-js-budget-"));
  fs.mkdirSync(path.join(dist, "static/chunks"), { recursive: true });
  chunk("react.js", 100_000);
  chunk("runtime.js", 20_000);
  chunk("polyfills.js", 40_000);
  chunk("layout.js", 10_000);
  chunk("error.js", 2_000);
  chunk("page-small.js", 6_000);
  chunk("editor.js", 60_000);
  fs.writeFileSync(
    path.join(dist, "build-manifest.json"),
    JSON.stringify({
      pages: { "/_app": [] },
      polyfillFiles: ["static/chunks/polyfills.js"],
      lowPriorityFiles: ["static/x/_buildManifest.js"],
      rootMainFiles: ["static/chunks/react.js", "static/chunks/runtime.js"],
    }),
  );
  const layout = ["static/chunks/layout.js"];
  clientManifest("(public)", "/(public)/page", {
    "[project]/app/layout": layout,
    "[project]/app/error": [...layout, "static/chunks/error.js"],
    "[project]/app/(public)/page": [...layout, "static/chunks/page-small.js"],
  });
  clientManifest("(officer)/admin/editions/[editionId]/sections/[sectionKey]", "/(officer)/admin/editions/[editionId]/sections/[sectionKey]/page", {
    "[project]/app/layout": layout,
    "[project]/app/(officer)/admin/editions/[editionId]/sections/[sectionKey]/page": [...layout, "static/chunks/editor.js"],
  });
  // Route handlers have client reference manifests too; they load no JavaScript in a browser.
  fs.mkdirSync(path.join(dist, "server/app/api/health"), { recursive: true });
  fs.writeFileSync(path.join(dist, "server/app/api/health/route_client-reference-manifest.js"), 'globalThis.__RSC_MANIFEST = {"/api/health/route": {"entryJSFiles": {"x": ["static/chunks/editor.js"]}}};');
});

afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe("first-load JS budget", () => {
  it("sums the root main files and every entry chunk of the page once, without nomodule polyfills", () => {
    const routes = measureFirstLoadJs({ distDir: dist, budgetBytes: 150_000 });
    expect(routes.map((r) => r.route).sort()).toEqual(["/", "/admin/editions/[editionId]/sections/[sectionKey]"]);
    const start = routes.find((r) => r.route === "/")!;
    expect(start.files.map((f) => f.file).sort()).toEqual(
      ["static/chunks/error.js", "static/chunks/layout.js", "static/chunks/page-small.js", "static/chunks/react.js", "static/chunks/runtime.js"].sort(),
    );
    expect(start.gzipBytes).toBe(gz("react.js") + gz("runtime.js") + gz("layout.js") + gz("error.js") + gz("page-small.js"));
    expect(start.ok).toBe(true);
  });

  it("reports a page over the budget, and the table says so", () => {
    const routes = measureFirstLoadJs({ distDir: dist, budgetBytes: 150_000 });
    const editor = routes.find((r) => r.route === "/admin/editions/[editionId]/sections/[sectionKey]")!;
    expect(editor.gzipBytes).toBe(gz("react.js") + gz("runtime.js") + gz("layout.js") + gz("editor.js"));
    expect(editor.gzipBytes).toBeGreaterThan(150_000);
    expect(editor.ok).toBe(false);
    expect(routes[0]).toBe(editor); // largest first
    const table = formatBudgetTable(routes);
    expect(table).toContain("1 KB = 1000 bytes");
    expect(table).toMatch(new RegExp(`/admin/editions/\\[editionId\\]/sections/\\[sectionKey\\]\\s+${(editor.gzipBytes / 1000).toFixed(1)}\\s+150\\.0\\s+NO`));
    expect(table).toMatch(/^\/\s+\d+\.\d\s+150\.0\s+yes$/m);
  });

  it("takes the budget it is given", () => {
    const routes = measureFirstLoadJs({ distDir: dist, budgetBytes: 100_000 });
    expect(routes.every((r) => !r.ok)).toBe(true);
  });

  it("refuses a folder without a build rather than passing it", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-js-budget-empty-"));
    try {
      expect(() => measureFirstLoadJs({ distDir: empty })).toThrow(BuildNotFoundError);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it("names routes without their groups", () => {
    expect(routeOfEntry("/(public)/page")).toBe("/");
    expect(routeOfEntry("/(public)/editions/[editionId]/search/page")).toBe("/editions/[editionId]/search");
    expect(routeOfEntry("/_not-found/page")).toBe("/_not-found");
  });
});
