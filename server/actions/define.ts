import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDatabase, type Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { getCurrentUser, type CurrentUser } from "../auth/session";
import { log } from "../log";
import { actorOf, can, type Action, type Resources } from "../permissions";
import { actionRegistry, type ActionName } from "./registry";
import { ActionError, type ActionResult } from "./result";

type Audit = { targetType: string; targetId: string; data?: Record<string, string | number | boolean | null> };

type Spec<N extends ActionName, S extends z.ZodType, R> = {
  input: S;
  /** Loads what the permission is asked about (inside the transaction). */
  resource: (args: { tx: Tx; input: z.infer<S>; user: CurrentUser | null }) => Promise<Resources[(typeof actionRegistry)[N]["permission"]]>;
  run: (args: { tx: Tx; input: z.infer<S>; user: CurrentUser | null }) => Promise<{ data: R; audit: Audit | null }>;
  revalidate?: string[];
};

/** Accepts `fn(input)`, `<form action={fn}>` (FormData) and `useActionState(fn)` (prevState, FormData). */
function inputOf(args: unknown[]): unknown {
  const last = args.at(-1);
  if (typeof FormData !== "undefined" && last instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of last.entries()) if (!k.startsWith("$ACTION")) out[k] = typeof v === "string" ? v : null;
    return out;
  }
  return last;
}

/**
 * The one wrapper every server action is built with. In order: parse with zod → load the session →
 * ask the permission table → run the change and its audit record in one transaction → revalidate.
 * Returns a typed result with a message in the user's language; nothing is thrown to the client.
 */
export function defineAction<N extends ActionName, S extends z.ZodType, R>(name: N, spec: Spec<N, S, R>) {
  const permission: Action = actionRegistry[name].permission;
  return async function action(...args: unknown[]): Promise<ActionResult<R>> {
    const t = await getTranslations("errors");
    const fail = (code: ActionError["code"], key: string = code, fieldErrors?: Record<string, string>): ActionResult<R> => ({
      ok: false,
      code,
      message: t(key as "invalid"),
      ...(fieldErrors ? { fieldErrors } : {}),
    });
    try {
      const parsed = spec.input.safeParse(inputOf(args));
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.join(".") || "_";
          // A schema may name its own message (e.g. "mismatch"), looked up under errors.field.
          const key = issue.code === "custom" && t.has(`field.${issue.message}`) ? issue.message : issue.code === "invalid_type" && issue.input === undefined ? "required" : "invalid";
          fieldErrors[field] ??= t(`field.${key}` as "field.invalid");
        }
        return fail("invalid", "invalid", fieldErrors);
      }
      const user = await getCurrentUser();
      const actor = actorOf(user);
      const db = await getDatabase();
      const data = await db.transaction(async (tx) => {
        const resource = await spec.resource({ tx, input: parsed.data, user });
        if (!can(actor, permission, resource as never)) {
          throw new ActionError(actor ? "forbidden" : "unauthenticated");
        }
        const { data, audit } = await spec.run({ tx, input: parsed.data, user });
        if (audit) {
          await tx.insert(auditLog).values({ actorId: actor?.id ?? null, action: name, targetType: audit.targetType, targetId: audit.targetId, data: audit.data ?? {} });
        }
        return data;
      });
      for (const p of spec.revalidate ?? []) revalidatePath(p, "layout");
      return { ok: true, data };
    } catch (e) {
      unstable_rethrow(e);
      if (e instanceof ActionError) return fail(e.code, e.messageKey, e.fieldErrors);
      if (isUniqueViolation(e)) return fail("conflict");
      log.error({ err: e, action: name }, "server action failed");
      return fail("internal");
    }
  };
}

/** Both drivers report SQLSTATE 23505, possibly wrapped by drizzle. */
function isUniqueViolation(e: unknown): boolean {
  for (let cur = e as { code?: string; cause?: unknown } | undefined, i = 0; cur && i < 3; cur = cur.cause as typeof cur, i++) {
    if (cur.code === "23505") return true;
  }
  return false;
}
