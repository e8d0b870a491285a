import fs from "node:fs";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message as the test SMTP server stored it (one JSON file each in the mail folder). */
export type StoredMail = {
  /** The To header, addresses only, comma-separated. */
  to: string;
  /** Envelope recipients, lower-case: whom the message was really sent to (Bcc included). */
  recipients: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
};

export type SmtpSink = { port: number; url: string; close: () => Promise<void> };

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : [])
    .flatMap((a) => a.value)
    .map((a) => a.address ?? "")
    .filter(Boolean);

/**
 * A real SMTP server on a free loopback port that accepts every message (any or no login, no
 * TLS) and writes it, parsed, as a JSON file into `mailDir`. Workers read the folder
 * (e2e/support/mail.ts), so the server can live in Playwright's runner process.
 */
export async function startSmtp({ mailDir }: { mailDir: string }): Promise<SmtpSink> {
  fs.mkdirSync(mailDir, { recursive: true });
  let sequence = 0;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    // Without a certificate STARTTLS would fail, and nodemailer tries it whenever it is offered.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "e2e" });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const receivedAt = new Date();
          const mail: StoredMail = {
            to: addresses(parsed.to).join(", "),
            recipients: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: addresses(parsed.from).join(", "),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html || "",
            receivedAt: receivedAt.toISOString(),
          };
          const base = `${receivedAt.getTime()}-${String(++sequence).padStart(6, "0")}`;
          // Write, then rename: a reader never sees half a file.
          const tmp = path.join(mailDir, `.${base}.tmp`);
          fs.writeFileSync(tmp, JSON.stringify(mail, null, 2));
          fs.renameSync(tmp, path.join(mailDir, `${base}.json`));
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.on("error", (e) => console.error(`[e2e smtp] ${e.message}`));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
