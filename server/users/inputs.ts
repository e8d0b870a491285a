import { z } from "zod";
import { displayModeEnum, roleEnum } from "@/db/schema/enums";
import { tokenPattern } from "./tokens";

const name = z.string().trim().min(2).max(120);
export const profileInput = z.object({ name, displayMode: z.enum(displayModeEnum.enumValues) });
export const inviteInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320)),
  name,
  role: z.enum(roleEnum.enumValues),
  groupId: z.uuid(),
  organisationId: z.union([z.uuid(), z.literal("").transform(() => null)]).nullable().optional(),
});
export const setActiveInput = z.object({ userId: z.uuid(), active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) });
export const setRoleInput = z.object({ userId: z.uuid(), role: z.enum(roleEnum.enumValues) });
export const acceptInvitationInput = z
  .object({ token: z.string().regex(tokenPattern), password: z.string().min(10).max(200), passwordRepeat: z.string() })
  .refine((v) => v.password === v.passwordRepeat, { path: ["passwordRepeat"], message: "mismatch" });
