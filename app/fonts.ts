import localFont from "next/font/local";

// Self-hosted from @fontsource (no request to a font CDN). Latin-ext is a second family so that
// letters like ş, ğ and İ in Turkish names render in the same typeface.
export const sans = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2", weight: "600", style: "normal" },
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-sans",
  display: "swap",
});
export const sansExt = localFont({
  src: [
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-ext-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/source-sans-3/files/source-sans-3-latin-ext-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-sans-ext",
  display: "swap",
  preload: false,
});
