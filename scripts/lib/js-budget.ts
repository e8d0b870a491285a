import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

/**
 * First-load JavaScript per App Router page, read from a production build (Turbopack, Next 16,
 * which no longer prints sizes). What the browser fetches on the first load of a page:
 *   - build-manifest.json `rootMainFiles`: React, the router and the Turbopack runtime (every page);
 *   - the page's server/app/…/page_client-reference-manifest.js `entryJSFiles`: the chunks of the
 *     client components of the root and nested layouts, the page, and the error/not-found
 *     boundaries on its path — the HTML names each of them in a <script async>.
 * Not counted: `polyfillFiles` (loaded with `nomodule`, so only by browsers without modules),
 * `lowPriorityFiles` (the pages router's manifests, never fetched by an app page), chunks that
 * code loads later with import() or next/dynamic({ ssr: false }), and CSS.
 *
 * Sizes are gzip at level 9 (what Next's old build output and the `gzip-size` package measured),
 * 1 KB = 1000 bytes: an empty App Router page comes to ~134 KB this way.
 */

export const DEFAULT_BUDGET_BYTES = 150_000;
export const KB = 1000;

export type RouteJs = {
  /** URL pattern, route groups removed: "/editions/[editionId]/sections/[sectionKey]". */
  route: string;
  /** The manifest key: "/(public)/editions/[editionId]/sections/[sectionKey]/page". */
  entry: string;
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  budgetBytes: number;
  ok: boolean;
};

export class BuildNotFoundError extends Error {}

type BuildManifest = { rootMainFiles?: string[]; polyfillFiles?: string[] };
type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

/** "/(public)/editions/[editionId]/page" → "/editions/[editionId]"; "/(public)/page" → "/". */
export function routeOfEntry(entry: string): string {
  const segments = entry
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => s && !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The manifests are scripts that assign to globalThis.__RSC_MANIFEST[entry]; run each in a sandbox of its own. */
function readClientReferenceManifest(file: string): Record<string, ClientReferenceManifest> {
  const sandbox: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file, timeout: 5_000 });
  return sandbox.__RSC_MANIFEST ?? {};
}

export function gzipSize(file: string, cache = new Map<string, number>()): number {
  let size = cache.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    cache.set(file, size);
  }
  return size;
}

/** Every page of the build with the JS files of its first load and their gzip sizes, largest first. */
export function measureFirstLoadJs({ distDir, budgetBytes = DEFAULT_BUDGET_BYTES }: { distDir: string; budgetBytes?: number }): RouteJs[] {
  const buildManifestFile = path.join(distDir, "build-manifest.json");
  if (!fs.existsSync(buildManifestFile)) throw new BuildNotFoundError(`No production build in ${distDir} (build-manifest.json is missing).`);
  const buildManifest = JSON.parse(fs.readFileSync(buildManifestFile, "utf8")) as BuildManifest;
  const rootMainFiles = buildManifest.rootMainFiles ?? [];
  if (rootMainFiles.length === 0) throw new BuildNotFoundError(`${buildManifestFile} names no rootMainFiles: not an App Router build of Next 16?`);
  const nomodule = new Set(buildManifest.polyfillFiles ?? []);

  const manifests = walk(path.join(distDir, "server", "app")).filter((f) => f.endsWith(`${path.sep}page_client-reference-manifest.js`));
  if (manifests.length === 0) throw new BuildNotFoundError(`No page_client-reference-manifest.js under ${path.join(distDir, "server", "app")}.`);

  const sizes = new Map<string, number>();
  const results: RouteJs[] = [];
  for (const manifestFile of manifests) {
    for (const [entry, manifest] of Object.entries(readClientReferenceManifest(manifestFile))) {
      if (!entry.endsWith("/page")) continue;
      const files = new Set<string>(rootMainFiles);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const chunk of chunks) files.add(chunk);
      const measured = [...files]
        .filter((f) => f.endsWith(".js") && !nomodule.has(f))
        .map((file) => {
          const onDisk = path.join(distDir, file);
          if (!fs.existsSync(onDisk)) throw new BuildNotFoundError(`${entry} needs ${file}, which is not in ${distDir}.`);
          return { file, gzipBytes: gzipSize(onDisk, sizes) };
        });
      const gzipBytes = measured.reduce((sum, f) => sum + f.gzipBytes, 0);
      results.push({ route: routeOfEntry(entry), entry, files: measured, gzipBytes, budgetBytes, ok: gzipBytes <= budgetBytes });
    }
  }
  return results.sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

/** route / KB gzip / budget / ok, one line per page, with the unit stated. */
export function formatBudgetTable(routes: RouteJs[]): string {
  const width = Math.max(5, ...routes.map((r) => r.route.length));
  const lines = [
    `First-load JavaScript per page (gzip level 9, 1 KB = ${KB} bytes)`,
    `${"route".padEnd(width)}  ${"KB gzip".padStart(8)}  ${"budget".padStart(7)}  ok`,
    ...routes.map((r) => `${r.route.padEnd(width)}  ${kb(r.gzipBytes).padStart(8)}  ${kb(r.budgetBytes).padStart(7)}  ${r.ok ? "yes" : "NO — over by " + kb(r.gzipBytes - r.budgetBytes) + " KB"}`),
  ];
  return lines.join("\n");
}
