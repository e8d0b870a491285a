import type { DisplayMode, Role } from "@/db/schema/enums";

/**
 * The choices the people forms offer and the inputs accept, in display order. Plain data (no
 * server or database imports), so client components use the same lists as the zod schemas.
 */
export const roleOptions = ["stakeholder", "council", "officer"] as const satisfies readonly Role[];
export const displayModeOptions = ["name_and_org", "org_only", "private"] as const satisfies readonly DisplayMode[];

/** Length of a person's name; the forms announce it, the inputs enforce it. */
export const nameLength = { min: 2, max: 120 } as const;
export const emailMaxLength = 320;

/** Council members belong to the group Kreistag (checked by the actions, explained by the forms). */
export const COUNCIL_GROUP_KEY = "kreistag";

// Every role and display mode is offered: a new enum value fails to compile here.
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const rolesCovered: Exhaustive<Role, (typeof roleOptions)[number]> = true;
const modesCovered: Exhaustive<DisplayMode, (typeof displayModeOptions)[number]> = true;
void rolesCovered;
void modesCovered;
