import { z } from "zod";
import { registryNameLength } from "./limits";
const name = z.string().trim().min(registryNameLength.min).max(registryNameLength.max);
const optionalId = z.union([z.uuid(), z.literal("").transform(() => undefined)]).optional();

/** A new group (without id) or a renamed one. */
export const groupInput = z.object({ id: optionalId, nameDe: name, nameEn: name });
/** A new organisation (without id) or a changed one: name, group and municipality. */
export const organisationInput = z.object({
  id: optionalId,
  name,
  groupId: z.uuid(),
  municipalityId: z.union([z.uuid(), z.literal("").transform(() => null)]).nullable().optional(),
});
export const organisationDeleteInput = z.object({ id: z.uuid() });
