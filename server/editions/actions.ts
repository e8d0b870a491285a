"use server";
import { eq } from "drizzle-orm";
import { editions } from "@/db/schema";
import { defineAction } from "../actions/define";
import { changePhaseInput, copyEditionInput, editionSettingsInput } from "./inputs";
import { copyEditionRows, loadEditionForChange, movePhase } from "./writes";

const revalidate = ["/admin/editions", "/editions/[editionId]", "/"];

/** The next edition as a draft, copied from an adopted (or superseded) one; keys stay. */
export const copyEdition = defineAction("edition.copy", {
  input: copyEditionInput,
  resource: async ({ tx, input }) => loadEditionForChange(tx, input.editionId),
  run: async ({ tx, input, user }) => {
    const { editionId, chapters, sections } = await copyEditionRows(tx, { sourceId: input.editionId, year: input.year, title: input.title, authorId: user.id });
    return { data: { editionId }, audit: { targetType: "edition", targetId: editionId, data: { source: input.editionId, chapters, sections } } };
  },
  revalidate,
});

/**
 * Title and consultation window. The window is set while the edition is a draft; in consolidation
 * it is history (it decides which text participants read) and stays as it was.
 */
export const updateEditionSettings = defineAction("edition.settings", {
  input: editionSettingsInput,
  resource: async ({ tx, input }) => loadEditionForChange(tx, input.editionId),
  run: async ({ tx, input }) => {
    const e = await loadEditionForChange(tx, input.editionId);
    const window = e.phase === "draft" ? { opensAt: input.opensAt, closesAt: input.closesAt } : {};
    await tx.update(editions).set({ title: input.title, ...window }).where(eq(editions.id, e.id));
    return { data: { editionId: e.id }, audit: { targetType: "edition", targetId: e.id, data: { window: e.phase === "draft" } } };
  },
  revalidate,
});

/** One step on: draft → consultation → consolidation → council review, with its consequences (see movePhase). */
export const changePhase = defineAction("edition.phase", {
  input: changePhaseInput,
  resource: async ({ tx, input }) => ({ ...(await loadEditionForChange(tx, input.editionId)), to: input.to }),
  run: async ({ tx, input, user }) => {
    const e = await loadEditionForChange(tx, input.editionId);
    const { notified } = await movePhase(tx, { edition: e, to: input.to, actorId: user.id });
    return { data: { editionId: e.id, phase: input.to, notified }, audit: { targetType: "edition", targetId: e.id, data: { from: e.phase, to: input.to, notified } } };
  },
  revalidate,
});
