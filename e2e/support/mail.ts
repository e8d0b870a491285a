import fs from "node:fs";
import path from "node:path";
import type { StoredMail } from "./smtp";

export type { StoredMail };

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the specs through playwright.config.ts (its global setup starts the SMTP server)");
  return dir;
}

/** Every message received so far, oldest first. */
export function listMail(): StoredMail[] {
  return fs
    .readdirSync(mailDir())
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(mailDir(), f), "utf8")) as StoredMail);
}

const matches = (mail: StoredMail, to: string) => {
  const address = to.toLowerCase();
  return mail.recipients.includes(address) || mail.to.toLowerCase().split(/,\s*/).includes(address);
};

/**
 * Waits for the first message to `to` received at or after `after` (default: any time), and
 * returns it. Record `after = new Date()` before the action that sends, so an older message to the
 * same person does not count.
 */
export async function waitForMail({
  to,
  after,
  subject,
  timeoutMs = 15_000,
}: {
  to: string;
  after?: Date;
  subject?: string | RegExp;
  timeoutMs?: number;
}): Promise<StoredMail> {
  const deadline = Date.now() + timeoutMs;
  const since = after ? after.getTime() : 0;
  const subjectOk = (s: string) => subject === undefined || (typeof subject === "string" ? s === subject : subject.test(s));
  for (;;) {
    const found = listMail().find((m) => matches(m, to) && Date.parse(m.receivedAt) >= since && subjectOk(m.subject));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = listMail().map((m) => `  ${m.receivedAt} to ${m.recipients.join(", ")}: ${m.subject}`);
      throw new Error(
        `no mail to ${to}${after ? ` since ${after.toISOString()}` : ""}${subject ? ` with subject ${subject}` : ""} within ${timeoutMs} ms.` +
          (seen.length ? `\nReceived:\n${seen.join("\n")}` : "\nNo mail received at all."),
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first http(s) URL in the text (trailing punctuation dropped). */
export function extractLink(text: string): string {
  const match = /https?:\/\/[^\s<>"'()[\]]+/.exec(text);
  if (!match) throw new Error(`no link in the mail text:\n${text}`);
  return match[0].replace(/[.,;:!?]+$/, "");
}
