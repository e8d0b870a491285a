import type { Audience } from "@/server/permissions";
import { createUser } from "../../../support/factories";
import { createSectionComment, engagementEdition } from "../../../support/engagement-factories";
import type { ActionCases, RefusalCase } from "./types";

const closedEnded = /Die Beteiligung endete am .+ Uhr\./;
const closedPhase = "Zu dieser Ausgabe läuft gerade keine Beteiligung.";
const self = "Das können Sie nicht für sich selbst tun.";

/** One edition per situation for the worker. */
const editions = new Map<string, ReturnType<typeof engagementEdition>>();
const editionFor = (kind: "open" | "closed" | "draft") => {
  if (!editions.has(kind)) editions.set(kind, engagementEdition(kind));
  return editions.get(kind)!;
};

/** A comment in that situation, by `authorId` (a new person unless given). */
async function commentIn(kind: "open" | "closed" | "draft", authorId?: string) {
  const e = await editionFor(kind);
  const author = authorId ?? (await createUser({ role: "stakeholder" })).id;
  return createSectionComment({ editionId: e.id, sectionId: e.sectionId, authorId: author, body: "Ein Beitrag zum Melden." });
}

const report = (feedbackId: string) => ({ feedbackId, category: "spam" });
const forEveryRole = (cases: RefusalCase[]): Partial<Record<Audience, RefusalCase[]>> => ({ stakeholder: cases, council: cases, officer: cases });

/** Cases for the engagement actions (see ./types.ts). */
export const engagementCases: ActionCases = {
  "report.create": {
    valid: async () => report(await commentIn("open")),
    refused: forEveryRole([
      { what: "their own comment", input: async (me) => report(await commentIn("open", me.id)), code: "forbidden", message: self },
      { what: "a closed window", input: async () => report(await commentIn("closed")), code: "closed", message: closedEnded },
      { what: "a draft edition", input: async () => report(await commentIn("draft")), code: "closed", message: closedPhase },
    ]),
  },
  "notification.markRead": { valid: async () => ({ all: "true" }) },
  "notification.settings": { valid: async () => ({ frequency: "daily" }) },
};
