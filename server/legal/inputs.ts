import { z } from "zod";
import { FEEDBACK_MAX } from "./limits";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

export const accessibilityFeedbackInput = z.object({
  // "required" names errors.field.required, also for a message of blanks only.
  message: z.string().trim().max(FEEDBACK_MAX).refine((v) => v.length > 0, { message: "required" }),
  name: optional(120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.union([z.literal(""), z.email().max(320)]))
    .optional()
    .transform((v) => v || null),
  page: optional(500),
});
