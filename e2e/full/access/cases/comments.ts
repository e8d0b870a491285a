import crypto from "node:crypto";
import type { Audience } from "@/server/permissions";
import { commentsEdition, createComment } from "../../../support/comments-factories";
import { createUser } from "../../../support/factories";
import type { ActionCases, RefusalCase } from "./types";

const closedEnded = /Die Beteiligung endete am .+ Uhr\./;
const closedPhase = "Zu dieser Ausgabe läuft gerade keine Beteiligung.";
const notOwner = "Das ist nicht Ihr Beitrag.";

type Kind = "open" | "closed" | "draft";
const editions = new Map<Kind, ReturnType<typeof commentsEdition>>();
const editionFor = (kind: Kind) => {
  if (!editions.has(kind)) editions.set(kind, commentsEdition(kind));
  return editions.get(kind)!;
};

/** A comment in that situation by `authorId` (a new person unless given). */
async function commentIn(kind: Kind, authorId?: string) {
  const e = await editionFor(kind);
  const author = authorId ?? (await createUser({ role: "stakeholder" })).id;
  return createComment({ editionId: e.id, sectionId: e.sectionId, authorId: author, body: "Ein Kommentar für die Zugriffstests." });
}

const newComment = async (kind: Kind) => ({ sectionId: (await editionFor(kind)).sectionId, body: "Ein neuer Kommentar.", idempotencyKey: crypto.randomUUID() });
const forEveryRole = (cases: RefusalCase[]): Partial<Record<Audience, RefusalCase[]>> => ({ stakeholder: cases, council: cases, officer: cases });
/** Edit and delete: another person's comment, one's own after the window, one's own in a draft. */
const ownOnly = (input: (commentId: string) => unknown): Partial<Record<Audience, RefusalCase[]>> =>
  forEveryRole([
    { what: "another person's comment", input: async () => input(await commentIn("open")), code: "forbidden", message: notOwner },
    { what: "their own comment after the window closed", input: async (me) => input(await commentIn("closed", me.id)), code: "closed", message: closedEnded },
    { what: "their own comment in a draft edition", input: async (me) => input(await commentIn("draft", me.id)), code: "closed", message: closedPhase },
  ]);

/** Cases for the comments actions (see ./types.ts). */
export const commentsCases: ActionCases = {
  "comment.create": {
    valid: () => newComment("open"),
    refused: forEveryRole([
      { what: "a closed window", input: () => newComment("closed"), code: "closed", message: closedEnded },
      { what: "a draft edition", input: () => newComment("draft"), code: "closed", message: closedPhase },
      {
        what: "a reply in a closed window",
        input: async () => ({ parentId: await commentIn("closed"), body: "Zu spät.", idempotencyKey: crypto.randomUUID() }),
        code: "closed",
        message: closedEnded,
      },
    ]),
  },
  "comment.update": {
    valid: async () => ({ commentId: await commentIn("open"), body: "Geändert." }),
    refused: ownOnly((commentId) => ({ commentId, body: "Geändert." })),
  },
  "comment.delete": {
    valid: async () => ({ commentId: await commentIn("open") }),
    refused: ownOnly((commentId) => ({ commentId })),
  },
};
