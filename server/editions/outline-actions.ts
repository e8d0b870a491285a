"use server";
import { eq } from "drizzle-orm";
import { sections } from "@/db/schema";
import { defineAction } from "../actions/define";
import { outlineInput, saveTextInput } from "./inputs";
import { splitBlocks } from "./text";
import { applyOutlineOperation, findSection, loadEditionForChange, saveText } from "./writes";

const revalidate = ["/admin/editions", "/editions/[editionId]"];

/** One change of the outline: add, rename, move or remove a chapter or section. */
export const changeOutline = defineAction("outline.change", {
  input: outlineInput,
  resource: async ({ tx, input }) => loadEditionForChange(tx, input.editionId),
  run: async ({ tx, input, user }) => {
    const { editionId, ...op } = input;
    const key = await applyOutlineOperation(tx, editionId, op, user.id);
    return { data: { key }, audit: { targetType: "edition", targetId: editionId, data: { operation: op.operation, key } } };
  },
  revalidate,
});

/** The editor's text as a new revision (keys kept); the same text again writes nothing. */
export const saveSectionText = defineAction("section.saveText", {
  input: saveTextInput,
  rateLimit: { max: 60, windowSeconds: 60 },
  resource: async ({ tx, input }) => loadEditionForChange(tx, input.editionId),
  run: async ({ tx, input, user }) => {
    const s = await findSection(tx, input.editionId, input.sectionKey);
    let renamed = false;
    if (input.title) {
      const [row] = await tx.select({ title: sections.title }).from(sections).where(eq(sections.id, s.id));
      if (row && row.title !== input.title) {
        await tx.update(sections).set({ title: input.title }).where(eq(sections.id, s.id));
        renamed = true;
      }
    }
    const number = await saveText(tx, { sectionId: s.id, drafts: splitBlocks(input.html), authorId: user.id, note: input.note });
    const changed = number !== null || renamed;
    return {
      data: { revision: number, renamed },
      audit: changed ? { targetType: "section", targetId: s.id, data: { revision: number, renamed } } : null,
    };
  },
  revalidate,
});
