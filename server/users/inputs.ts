import { z } from "zod";
import { IMPORT_MAX_BYTES } from "./import-limits";
import { tokenPattern } from "./tokens";
import { displayModeOptions, emailMaxLength, nameLength, roleOptions } from "./options";

const name = z.string().trim().min(nameLength.min).max(nameLength.max);
const optionalOrganisation = z.union([z.uuid(), z.literal("").transform(() => null)]).nullable().optional();

export const profileInput = z.object({ name, displayMode: z.enum(displayModeOptions) });
export const inviteInput = z.object({
  email: z.string().trim().toLowerCase().max(emailMaxLength).pipe(z.email()),
  name,
  role: z.enum(roleOptions),
  groupId: z.uuid(),
  organisationId: optionalOrganisation,
});
export const setActiveInput = z.object({ userId: z.uuid(), active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) });
/** Role, group and organisation change together; without a group the person keeps theirs. */
export const setRoleInput = z.object({ userId: z.uuid(), role: z.enum(roleOptions), groupId: z.uuid().optional(), organisationId: optionalOrganisation });
export const acceptInvitationInput = z
  .object({
    token: z.string().regex(tokenPattern),
    password: z.string().min(10).max(200),
    passwordRepeat: z.string(),
    // The required checkbox "I have read and accept the terms of use".
    terms: z.unknown().refine((v) => v === "on" || v === "true" || v === true, { message: "terms" }),
  })
  .refine((v) => v.password === v.passwordRepeat, { path: ["passwordRepeat"], message: "mismatch" });

/** One person's invitation: send a new link, or withdraw the open one. */
export const invitationInput = z.object({ userId: z.uuid() });

/** Checkboxes arrive as an array, a single one as a string: both are accepted. */
export const bulkInput = z.object({
  operation: z.enum(["resend", "deactivate"]),
  userIds: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.uuid()).min(1).max(1000)),
});

const importTypes = ["text/csv", "text/plain", "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream", ""];
const importName = /\.(csv|txt|xlsx)$/i;
/**
 * The uploaded list: a File from the form, or (for direct callers, who send JSON) the file's name
 * and its bytes in base64. At most 2 MB, CSV or XLSX.
 */
export const importInput = z.object({
  file: z.union([
    z
      .instanceof(File)
      .refine((f) => f.size > 0, { message: "file" })
      .refine((f) => f.size <= IMPORT_MAX_BYTES, { message: "fileTooLarge" })
      .refine((f) => importName.test(f.name) && importTypes.includes(f.type), { message: "fileType" }),
    z.object({
      name: z.string().max(200).regex(importName, { message: "fileType" }),
      base64: z
        .string()
        .min(1)
        .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4, { message: "fileTooLarge" })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/),
    }),
  ]),
});
