import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./server/security/headers";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  // Messages are compiled at build time, so the browser gets a small formatter instead of the ICU
  // parser (about 9 KB gzip of first-load JavaScript on every page). Code that reads a message file
  // itself gets compiled messages too: format them with use-intl's createTranslator.
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  // PGlite resolves its WASM bundle relative to its own files; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "postgres", "nodemailer"],
  poweredByHeader: false,
  // `npm run typecheck` and the test build check types; a quick local build may skip it.
  typescript: { ignoreBuildErrors: process.env.PLANWERK_SKIP_TYPECHECK === "1" },
  // Tests build into their own folder so a running demo's build is never touched.
  distDir: process.env.PLANWERK_DIST_DIR || ".next",
  // Word files for the import are up to 10 MB (server/editions/word-actions.ts); Next's default is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
  // The per-request headers (CSP with its nonce, HSTS, no-store) come from proxy.ts.
  headers: async () => [{ source: "/:path*", headers: staticSecurityHeaders }],
};

export default withNextIntl(nextConfig);
