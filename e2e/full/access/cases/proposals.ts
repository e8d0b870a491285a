import crypto from "node:crypto";
import type { Audience } from "@/server/permissions";
import { createUser } from "../../../support/factories";
import { createProposal, participationEdition, voteAs } from "../../../support/proposals-factories";
import type { ActionCases, RefusalCase } from "./types";

const closedEnded = /Die Beteiligung endete am .+ Uhr\./;
const closedPhase = "Zu dieser Ausgabe läuft gerade keine Beteiligung.";
const notOwner = "Das ist nicht Ihr Beitrag.";
const withdrawn = "Dieser Vorschlag wurde zurückgezogen.";
const hasVotes = "Zu diesem Vorschlag gibt es schon Stimmen; er kann nicht mehr bearbeitet werden.";

/** One edition per situation for the worker: open, closed yesterday, draft. */
const editions = new Map<string, Promise<{ editionId: string; chapterId: string }>>();
const editionFor = (kind: "open" | "closed" | "draft") => {
  if (!editions.has(kind)) {
    const day = 86_400_000;
    editions.set(
      kind,
      participationEdition(
        kind === "open"
          ? {}
          : kind === "closed"
            ? { opensAt: new Date(Date.now() - 10 * day), closesAt: new Date(Date.now() - day) }
            : { phase: "draft", opensAt: null, closesAt: null },
      ),
    );
  }
  return editions.get(kind)!;
};

/** A proposal in that situation, by `authorId` (a new person unless given). */
async function proposalIn(kind: "open" | "closed" | "draft", { authorId, isWithdrawn = false }: { authorId?: string; isWithdrawn?: boolean } = {}) {
  const e = await editionFor(kind);
  const author = authorId ?? (await createUser({ role: "stakeholder" })).id;
  return createProposal({ authorId: author, chapterId: e.chapterId, editionId: e.editionId, withdrawn: isWithdrawn });
}

/** A proposal in that situation on which `userId` has voted (the vote that a refused retraction must leave in place). */
async function withMyVote(kind: "open" | "closed" | "draft", userId: string, isWithdrawn = false) {
  const p = await proposalIn(kind, { isWithdrawn });
  await voteAs({ proposalId: p.id, userId, choice: "for" });
  return p.id;
}

const key = () => crypto.randomBytes(16).toString("base64url");
const edit = (proposalId: string) => ({ proposalId, title: "Neuer Titel", description: "Neue Beschreibung." });
const forEveryRole = (cases: RefusalCase[]): Partial<Record<Audience, RefusalCase[]>> => ({ stakeholder: cases, council: cases, officer: cases });

/** Cases for the proposals actions (see ./types.ts). */
export const proposalsCases: ActionCases = {
  "proposal.create": {
    valid: async () => ({ chapterId: (await editionFor("open")).chapterId, title: "Sprachcafé", description: "Wöchentlich.", submissionKey: key() }),
    refused: forEveryRole([
      {
        what: "a closed window",
        input: async () => ({ chapterId: (await editionFor("closed")).chapterId, title: "Zu spät", description: "Nach dem Ende.", submissionKey: key() }),
        code: "closed",
        message: closedEnded,
      },
      {
        what: "a draft edition",
        input: async () => ({ chapterId: (await editionFor("draft")).chapterId, title: "Zu früh", description: "Im Entwurf.", submissionKey: key() }),
        code: "closed",
        message: closedPhase,
      },
    ]),
  },
  "proposal.update": {
    valid: async () => edit((await proposalIn("open")).id),
    refused: forEveryRole([
      { what: "another person's proposal", input: async () => edit((await proposalIn("open")).id), code: "forbidden", message: notOwner },
      { what: "their own proposal after the window closed", input: async (me) => edit((await proposalIn("closed", { authorId: me.id })).id), code: "closed", message: closedEnded },
      { what: "their own proposal in a draft edition", input: async (me) => edit((await proposalIn("draft", { authorId: me.id })).id), code: "closed", message: closedPhase },
      {
        what: "their own proposal once a vote has arrived",
        input: async (me) => {
          const p = await proposalIn("open", { authorId: me.id });
          await voteAs({ proposalId: p.id, userId: (await createUser({ role: "stakeholder" })).id, choice: "for" });
          return edit(p.id);
        },
        code: "forbidden",
        message: hasVotes,
      },
      { what: "their own withdrawn proposal", input: async (me) => edit((await proposalIn("open", { authorId: me.id, isWithdrawn: true })).id), code: "forbidden", message: withdrawn },
    ]),
  },
  "proposal.withdraw": {
    valid: async () => ({ proposalId: (await proposalIn("open")).id }),
    refused: forEveryRole([
      { what: "another person's proposal", input: async () => ({ proposalId: (await proposalIn("open")).id }), code: "forbidden", message: notOwner },
      { what: "their own proposal, already withdrawn", input: async (me) => ({ proposalId: (await proposalIn("open", { authorId: me.id, isWithdrawn: true })).id }), code: "forbidden", message: withdrawn },
    ]),
  },
  "vote.cast": {
    valid: async () => ({ proposalId: (await proposalIn("open")).id, choice: "for" }),
    refused: forEveryRole([
      { what: "a closed window", input: async () => ({ proposalId: (await proposalIn("closed")).id, choice: "for" }), code: "closed", message: closedEnded },
      { what: "a draft edition", input: async () => ({ proposalId: (await proposalIn("draft")).id, choice: "against" }), code: "closed", message: closedPhase },
      { what: "a withdrawn proposal", input: async () => ({ proposalId: (await proposalIn("open", { isWithdrawn: true })).id, choice: "abstain" }), code: "forbidden", message: withdrawn },
    ]),
  },
  "vote.retract": {
    valid: async () => ({ proposalId: (await proposalIn("open")).id }),
    refused: forEveryRole([
      { what: "their vote after the window closed", input: async (me) => ({ proposalId: await withMyVote("closed", me.id) }), code: "closed", message: closedEnded },
      { what: "their vote in a draft edition", input: async (me) => ({ proposalId: await withMyVote("draft", me.id) }), code: "closed", message: closedPhase },
      { what: "their vote on a withdrawn proposal", input: async (me) => ({ proposalId: await withMyVote("open", me.id, true) }), code: "forbidden", message: withdrawn },
    ]),
  },
};
