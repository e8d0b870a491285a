import type { AppServer } from "./app-server";
import type { SmtpSink } from "./smtp";

/**
 * What the global setup started, for the global teardown: both run in Playwright's runner
 * process, so it is kept on globalThis (workers get plain values through E2E_* variables).
 */
export type RunState = {
  tmp: string;
  suite: "full" | "smoke";
  app?: AppServer;
  smtp?: SmtpSink;
  /** postgres only: the server DATABASE_URL names and the run's database on it. */
  postgres?: { serverUrl: string; name: string };
};

const g = globalThis as unknown as { __planwerkE2E?: RunState };

export const runState = {
  get: () => g.__planwerkE2E,
  set: (state: RunState) => {
    g.__planwerkE2E = state;
  },
  clear: () => {
    g.__planwerkE2E = undefined;
  },
};
