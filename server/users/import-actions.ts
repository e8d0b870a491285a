"use server";
import { defineAction } from "../actions/define";
import { importPeopleFile } from "./import";
import { importInput } from "./inputs";

/**
 * Invites everyone in an uploaded CSV or XLSX list in one transaction, or nobody: a file with bad
 * rows comes back with a report of every row and column to correct, and nothing is written.
 */
export const importPeople = defineAction("user.import", {
  input: importInput,
  resource: async () => null,
  run: async ({ tx, input, user }) => {
    const file = input.file instanceof File ? { name: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()) } : { name: input.file.name, bytes: new Uint8Array(Buffer.from(input.file.base64, "base64")) };
    const result = await importPeopleFile(tx, file, { invitedBy: { id: user.id, name: user.name }, baseUrl: process.env.NEXTAUTH_URL ?? "" });
    if (result.errors.length) return { data: result, audit: null };
    return { data: result, audit: { targetType: "users", targetId: user.id, data: { imported: result.imported, file: file.name } } };
  },
  revalidate: ["/admin/users", "/admin/registry"],
});
