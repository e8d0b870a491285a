import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // PGlite resolves its WASM bundle relative to its own files; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "postgres", "nodemailer"],
  poweredByHeader: false,
  // Tests build into their own folder so a running demo's build is never touched.
  distDir: process.env.PLANWERK_DIST_DIR || ".next",
};

export default withNextIntl(nextConfig);
