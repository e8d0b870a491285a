"use server";
import { defineAction } from "../actions/define";
import { applyWordInput, previewWordInput } from "./inputs";
import { applyWord, readWordImport } from "./word-import";
import { loadEditionForChange } from "./writes";

const revalidate = ["/admin/editions", "/editions/[editionId]"];
const wordLimit = { max: 20, windowSeconds: 60 };
const bufferOf = async (file: File) => Buffer.from(await file.arrayBuffer());

/** What a Word file would become and where each part would go; writes nothing. */
export const previewWordImport = defineAction("word.preview", {
  input: previewWordInput,
  rateLimit: wordLimit,
  resource: async ({ tx, input }) => loadEditionForChange(tx, input.editionId),
  run: async ({ tx, input }) => {
    const { plan } = await readWordImport(tx, { editionId: input.editionId, chapterKey: input.chapterKey, buffer: await bufferOf(input.file) });
    return { data: plan, audit: null };
  },
});

/** The same file again with the officer's mapping, written in one transaction (see applyWord). */
export const applyWordImport = defineAction("word.apply", {
  input: applyWordInput,
  rateLimit: wordLimit,
  resource: async ({ tx, input }) => loadEditionForChange(tx, input.editionId),
  run: async ({ tx, input, user }) => {
    const result = await applyWord(tx, {
      editionId: input.editionId,
      chapterKey: input.chapterKey,
      buffer: await bufferOf(input.file),
      mapping: input.mapping,
      authorId: user.id,
      note: input.file.name.slice(0, 200),
    });
    return { data: result, audit: { targetType: "edition", targetId: input.editionId, data: result } };
  },
  revalidate,
});
