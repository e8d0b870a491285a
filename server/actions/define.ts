import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getDatabase, type Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { getCurrentUser, type CurrentUser } from "../auth/session";
import { log } from "../log";
import { actorOf, decide, type Action, type Refusal, type Resources, type SignedInOnly } from "../permissions";
import { actionLimit, clientAddress, consume, limits, type Limit } from "../security/rate-limit";
import { actionRegistry, type ActionName } from "./registry";
import { ActionError, type ActionResult, type ErrorCode } from "./result";

type Audit = { targetType: string; targetId: string; data?: Record<string, string | number | boolean | null> };
type PermissionOf<N extends ActionName> = (typeof actionRegistry)[N]["permission"];
/** Where the table refuses the public whatever the resource, `run` gets a signed-in person. */
export type UserFor<N extends ActionName> = SignedInOnly<PermissionOf<N>> extends true ? CurrentUser : CurrentUser | null;
type Args<N extends ActionName, S extends z.ZodType> = { tx: Tx; input: z.infer<S>; user: UserFor<N> };

type Spec<N extends ActionName, S extends z.ZodType, R> = {
  input: S;
  /** Loads what the permission is asked about (inside the transaction). */
  resource: (args: Args<N, S>) => Promise<Resources[PermissionOf<N>]>;
  run: (args: Args<N, S>) => Promise<{ data: R; audit: Audit | null }>;
  revalidate?: string[];
  /** Calls per person (per client address for the public) and window; default: limits.action. */
  rateLimit?: Omit<Limit, "name">;
};

/**
 * Accepts `fn(input)`, `<form action={fn}>` (FormData) and `useActionState(fn)` (prevState, FormData).
 * FormData keeps what a schema needs: a repeated key (multi-select, checkboxes) becomes an array,
 * an uploaded file stays a File, and an empty file input (no file chosen) is left out.
 */
export function inputOf(args: unknown[]): unknown {
  const last = args.at(-1);
  if (typeof FormData === "undefined" || !(last instanceof FormData)) return last;
  const out: Record<string, unknown> = {};
  for (const key of new Set(last.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = last.getAll(key).filter((v) => typeof v === "string" || v.size > 0 || v.name !== "");
    if (values.length === 0) continue;
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** The "errors" namespace's translator (next-intl's, or use-intl's createTranslator in tests). */
type T = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };
type Format = { dateTime: (d: Date, o: { dateStyle: "long"; timeStyle: "short" }) => string };

/** A zod issue as the person's message: required, too long (with the limit), not an e-mail address, … */
export function fieldMessage(t: T, issue: z.core.$ZodIssue): string {
  const empty = issue.input === undefined || issue.input === null || (typeof issue.input === "string" && issue.input.trim() === "");
  switch (issue.code) {
    case "invalid_type":
      return empty ? t("field.required") : t("field.invalid");
    case "too_small":
      if (empty || (issue.origin === "array" && Number(issue.minimum) === 1)) return t("field.required");
      return issue.origin === "string" ? t("field.tooShort", { min: Number(issue.minimum) }) : t("field.invalid");
    case "too_big":
      return issue.origin === "string" ? t("field.tooLong", { max: Number(issue.maximum) }) : t("field.invalid");
    case "invalid_format":
      return empty ? t("field.required") : issue.format === "email" ? t("field.email") : t("field.invalid");
    case "custom":
      return fieldKeyMessage(t, issue.message);
    default:
      return empty ? t("field.required") : t("field.invalid");
  }
}

/** A field error an action raises by key ("taken", "unknown", …), translated like zod's. */
export function fieldKeyMessage(t: T, key: string): string {
  return t.has(`field.${key}`) ? t(`field.${key}`) : t("field.invalid");
}

/**
 * The one wrapper every server action is built with. In order: parse with zod → load the session →
 * count against the rate limit → in one transaction: load the resource, ask the permission table
 * (which may say why it refuses), run the change and write its audit record → revalidate.
 * Returns a typed result with a message in the user's language; nothing is thrown to the client.
 */
export function defineAction<N extends ActionName, S extends z.ZodType, R>(name: N, spec: Spec<N, S, R>) {
  const permission: Action = actionRegistry[name].permission;
  return async function action(...args: unknown[]): Promise<ActionResult<R>> {
    const t = (await getTranslations("errors")) as unknown as T;
    const fail = (code: ErrorCode, message: string, fieldErrors?: Record<string, string>): ActionResult<R> => ({
      ok: false,
      code,
      message,
      ...(fieldErrors ? { fieldErrors } : {}),
    });
    try {
      const parsed = spec.input.safeParse(inputOf(args), { reportInput: true });
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "_"] ??= fieldMessage(t, issue);
        return fail("invalid", t("invalid"), fieldErrors);
      }
      const user = await getCurrentUser();
      const actor = actorOf(user);
      const db = await getDatabase();
      const limit = spec.rateLimit ? actionLimit(name, spec.rateLimit) : { ...limits.action, name: `action:${name}` };
      const client = user ? null : clientAddress(await headers());
      // Without TRUST_PROXY the public's addresses are unknown and share one bucket: ten times the room.
      const counted = await consume(db, client === "untrusted" ? { ...limit, max: limit.max * 10 } : limit, user?.id ?? `client:${client}`);
      if (!counted.ok) return fail("rate_limited", t("rate_limited", { wait: waitText(t, counted.retryAfterSeconds) }));
      const args2 = { input: parsed.data, user: user as UserFor<N> };
      const data = await db.transaction(async (tx) => {
        const resource = await spec.resource({ tx, ...args2 });
        const decision = decide(actor, permission, resource as never);
        if (!decision.ok) throw new RefusedError(decision.code, decision.reason, decision.values);
        const { data, audit } = await spec.run({ tx, ...args2 });
        if (audit) {
          await tx.insert(auditLog).values({ actorId: actor?.id ?? null, action: name, targetType: audit.targetType, targetId: audit.targetId, data: audit.data ?? {} });
        }
        return data;
      });
      for (const p of spec.revalidate ?? []) revalidatePath(p, "layout");
      return { ok: true, data };
    } catch (e) {
      unstable_rethrow(e);
      if (e instanceof RefusedError) return fail(e.code, refusalMessage(t, await getFormatter(), e));
      if (e instanceof ActionError) {
        const fieldErrors = e.fieldErrors && Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k, fieldKeyMessage(t, v)]));
        return fail(e.code, t.has(e.messageKey) ? t(e.messageKey) : t(e.code), fieldErrors);
      }
      if (isUniqueViolation(e)) return fail("conflict", t("conflict"));
      log.error({ err: e, action: name }, "server action failed");
      return fail("internal", t("internal"));
    }
  };
}

class RefusedError extends Error {
  constructor(
    public code: ErrorCode,
    public reason: string,
    public values?: Refusal["values"],
  ) {
    super(reason);
  }
}

/** A refusal in the person's words, e.g. "Die Beteiligung endete am 7. Januar 2027 um 03:52 Uhr." */
export function refusalMessage(t: T, format: Format, r: { code: string; reason: string; values?: Refusal["values"] }): string {
  if (!t.has(r.reason)) return t(r.code);
  const values = Object.fromEntries(
    Object.entries(r.values ?? {}).map(([k, v]) => [k, v instanceof Date ? format.dateTime(v, { dateStyle: "long", timeStyle: "short" }) : v]),
  );
  return t(r.reason, values);
}

/** "42 Sekunden", or whole minutes beyond a minute and a half. */
export function waitText(t: T, seconds: number): string {
  return seconds > 90 ? t("waitMinutes", { n: Math.ceil(seconds / 60) }) : t("waitSeconds", { n: seconds });
}

/** Both drivers report SQLSTATE 23505, possibly wrapped by drizzle. */
function isUniqueViolation(e: unknown): boolean {
  for (let cur = e as { code?: string; cause?: unknown } | undefined, i = 0; cur && i < 3; cur = cur.cause as typeof cur, i++) {
    if (cur.code === "23505") return true;
  }
  return false;
}
