import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { editions, invitations, users } from "@/db/schema";
import { hashToken, newToken } from "@/server/users/tokens";
import { createUser, db } from "./factories";
import { draftEdition } from "./editions-factories";
import { seededProposalUrl } from "./proposals-factories";

export type Audience = "public" | "stakeholder" | "council" | "officer";
export const everyone: Audience[] = ["public", "stakeholder", "council", "officer"];
const signedInOnly: Audience[] = ["stakeholder", "council", "officer"];

type RouteVisit = { url: () => Promise<string>; allowed: Audience[] };

const editionId = async (year: number) => (await db().select({ id: editions.id }).from(editions).where(eq(editions.year, year)))[0]!.id;

async function openInvitationUrl() {
  const person = await createUser({ role: "stakeholder" });
  await db().update(users).set({ passwordHash: null }).where(eq(users.id, person.id));
  const token = newToken();
  await db().insert(invitations).values({ userId: person.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) });
  return `/invitation/${token}`;
}

/**
 * Every page route of the build with a concrete address and who may open it. The a11y spec visits
 * each for each allowed audience, the access spec for each refused one; a route of the build that
 * is missing here fails both.
 */
export const routeVisits: Record<string, RouteVisit> = {
  "/": { url: async () => "/", allowed: everyone },
  "/signin": { url: async () => "/signin", allowed: ["public"] },
  "/signin/check-email": { url: async () => "/signin/check-email", allowed: everyone },
  "/invitation/[token]": { url: openInvitationUrl, allowed: everyone },
  "/account": { url: async () => "/account", allowed: signedInOnly },
  "/admin/users": { url: async () => "/admin/users", allowed: ["officer"] },
  "/admin/editions": { url: async () => "/admin/editions", allowed: ["officer"] },
  "/admin/editions/[editionId]": { url: async () => `/admin/editions/${(await draftEdition()).id}`, allowed: ["officer"] },
  "/admin/editions/[editionId]/sections/[sectionKey]": {
    url: async () => {
      const e = await draftEdition();
      return `/admin/editions/${e.id}/sections/${e.sectionKey}`;
    },
    allowed: ["officer"],
  },
  "/admin/audit": { url: async () => "/admin/audit", allowed: ["officer"] },
  "/admin/registry": { url: async () => "/admin/registry", allowed: ["officer"] },
  "/outbox": { url: async () => "/outbox", allowed: ["officer"] },
  "/editions/[editionId]": { url: async () => `/editions/${await editionId(2027)}`, allowed: everyone },
  "/editions/[editionId]/chapters/[chapterKey]": { url: async () => `/editions/${await editionId(2027)}/chapters/bildung`, allowed: everyone },
  "/editions/[editionId]/proposals": { url: async () => `/editions/${await editionId(2027)}/proposals`, allowed: signedInOnly },
  "/editions/[editionId]/proposals/new": { url: async () => `/editions/${await editionId(2027)}/proposals/new`, allowed: signedInOnly },
  "/editions/[editionId]/proposals/[proposalId]": { url: seededProposalUrl, allowed: signedInOnly },
  "/editions/[editionId]/sections/[sectionKey]": { url: async () => `/editions/${await editionId(2022)}/sections/wohnen-wohnraum`, allowed: everyone },
  "/editions/[editionId]/search": { url: async () => `/editions/${await editionId(2027)}/search?q=Kurs`, allowed: everyone },
  "/notifications": { url: async () => "/notifications", allowed: signedInOnly },
  "/contributions": { url: async () => "/contributions", allowed: signedInOnly },
  "/_not-found": { url: async () => "/no-such-page", allowed: everyone },
  "/impressum": { url: async () => "/impressum", allowed: everyone },
  "/datenschutz": { url: async () => "/datenschutz", allowed: everyone },
  "/barrierefreiheit": { url: async () => "/barrierefreiheit", allowed: everyone },
  "/nutzungsbedingungen": { url: async () => "/nutzungsbedingungen", allowed: everyone },
};

/** Page routes of the production build under test (framework-internal and API routes aside). */
export function builtPageRoutes(): string[] {
  const dist = process.env.PLANWERK_DIST_DIR || ".next-test";
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), dist, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return Object.entries(manifest)
    // /bench/* exist only for `npm run bench` (404 unless the server runs with PLANWERK_BENCH=1; shell.spec checks that).
    .filter(([file, route]) => file.endsWith("/page") && route !== "/_global-error" && !route.startsWith("/bench/"))
    .map(([, route]) => route)
    .sort();
}
