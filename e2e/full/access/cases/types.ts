import type { ActionName } from "@/server/actions/registry";
import type { Audience } from "@/server/permissions";

export type RefusalCase = {
  /** What the case shows, e.g. "the officer's own account", "a closed window". */
  what: string;
  /** The input, built for the refused person (`me`), e.g. with another person's object. */
  input: (me: { id: string }) => Promise<unknown>;
  code: "forbidden" | "closed" | "unauthenticated";
  /** The message the person reads. */
  message: string | RegExp;
};

/**
 * What the generated access tests need of each action, declared beside its domain (one file per
 * domain in this folder, merged in ./index.ts):
 * - `valid`: an input that passes validation, so a refusal is the permission's doing;
 * - `refused`: for every audience whose rule can refuse depending on the object
 *   (permissions.conditionallyRefused), the cases that show it refusing.
 */
export type ActionCases = { [N in ActionName]?: { valid: () => Promise<unknown>; refused?: Partial<Record<Audience, RefusalCase[]>> } };
