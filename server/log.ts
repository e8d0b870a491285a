import pino from "pino";

const g = globalThis as unknown as { __planwerkLog?: pino.Logger };

/** Structured JSON logs on stdout (one logger per process). */
export const log: pino.Logger = (g.__planwerkLog ??= pino({
  level: process.env.LOG_LEVEL || "info",
  base: { app: "planwerk" },
  timestamp: pino.stdTimeFunctions.isoTime,
}));
