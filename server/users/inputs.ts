import { z } from "zod";
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
  .object({ token: z.string().regex(tokenPattern), password: z.string().min(10).max(200), passwordRepeat: z.string() })
  .refine((v) => v.password === v.passwordRepeat, { path: ["passwordRepeat"], message: "mismatch" });
