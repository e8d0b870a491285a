import { z } from "zod";
import { WORD_MAX_BYTES } from "./word";
import { berlinLocalToDate } from "./time";

export const EDITION_TITLE_MAX = 200;
export const OUTLINE_TITLE_MAX = 200;
export const NOTE_MAX = 500;
/** The editor's HTML of one section; generous, but bounded. */
export const TEXT_MAX = 500_000;

const title = z.string().trim().min(3).max(EDITION_TITLE_MAX);
const outlineTitle = z.string().trim().min(1).max(OUTLINE_TITLE_MAX);
const key = z.string().trim().min(1).max(100);
const editionId = z.uuid();
const direction = z.enum(["up", "down"]);
/** A datetime-local value in Berlin time, or empty (no date yet). */
const localTime = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const d = berlinLocalToDate(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message: "invalid" });
      return z.NEVER;
    }
    return d;
  });

export const copyEditionInput = z.object({ editionId, year: z.coerce.number().int().min(2000).max(2999), title });

export const editionSettingsInput = z
  .object({ editionId, title, opensAt: localTime, closesAt: localTime })
  .superRefine((v, ctx) => {
    if (v.opensAt && !v.closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "required" });
    if (v.closesAt && !v.opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: "required" });
    if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "closesBeforeOpens" });
  });

export const changePhaseInput = z.object({ editionId, to: z.enum(["consultation", "consolidation", "council_review"]) });

export const outlineInput = z.discriminatedUnion("operation", [
  z.object({ editionId, operation: z.literal("addChapter"), title: outlineTitle }),
  z.object({ editionId, operation: z.literal("renameChapter"), chapterKey: key, title: outlineTitle }),
  z.object({ editionId, operation: z.literal("moveChapter"), chapterKey: key, direction }),
  z.object({ editionId, operation: z.literal("removeChapter"), chapterKey: key }),
  z.object({ editionId, operation: z.literal("addSection"), chapterKey: key, title: outlineTitle }),
  z.object({ editionId, operation: z.literal("renameSection"), sectionKey: key, title: outlineTitle }),
  z.object({ editionId, operation: z.literal("moveSection"), sectionKey: key, direction }),
  z.object({ editionId, operation: z.literal("removeSection"), sectionKey: key }),
]);

export const saveTextInput = z.object({
  editionId,
  sectionKey: key,
  /** The section's title, edited above the text (headings are the outline's). */
  title: outlineTitle.optional(),
  html: z.string().max(TEXT_MAX),
  note: z
    .string()
    .trim()
    .max(NOTE_MAX)
    .optional()
    .transform((v) => v || null),
});

/** An uploaded file; a direct (JSON) call may send it as {name, base64} instead. */
const wordFile = z
  .union([
    z.instanceof(File),
    z.object({ name: z.string().max(255), base64: z.string().max(Math.ceil((WORD_MAX_BYTES * 4) / 3) + 4) }).transform((f) => new File([Buffer.from(f.base64, "base64")], f.name)),
  ])
  .refine((f) => f.size <= WORD_MAX_BYTES, { message: "wordTooLarge" })
  .refine((f) => /\.docx$/i.test(f.name), { message: "wordNotDocx" });
const chapterKey = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => v || null);

export const previewWordInput = z.object({ editionId, file: wordFile, chapterKey });

/** Per imported section (in document order): an existing section's key, "new" or "skip". */
const decisions = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z.array(z.string().trim().min(1).max(100)).max(2000),
);
export const applyWordInput = z.object({ editionId, file: wordFile, chapterKey, mapping: decisions });
