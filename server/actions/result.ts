/** What every server action returns; never a thrown error or a stack trace. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

export type ErrorCode = "invalid" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "closed" | "rate_limited" | "internal";

/** Thrown inside an action's `run` to stop with a typed error; the transaction rolls back. */
export class ActionError extends Error {
  constructor(
    public code: ErrorCode,
    /** Key under messages' "errors" namespace. */
    public messageKey: string = code,
    public fieldErrors?: Record<string, string>,
  ) {
    super(messageKey);
  }
}
