import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "@/db/schema";
import { backoffMs, deliverDueMails, expireMailLinks, LINK_REMOVED } from "@/server/mail/sender";
import { invitationMail, signInMail } from "@/server/mail/templates";
import { INVITATION_DAYS } from "@/server/security/lifetimes";
import { enqueueMail } from "@/server/mail/outbox";
import { freshDatabase, type TestDatabase } from "./helpers/db";

type Received = { to: string; raw: string };
const received: Received[] = [];
let reject = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (c: Buffer) => (raw += c.toString()));
    stream.on("end", () => {
      if (reject) return callback(new Error("mailbox unavailable"));
      received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
      callback();
    });
  },
});
let port = 0;
let t: TestDatabase;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
  t = await freshDatabase();
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const transport = () => nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });

describe("mail outbox and sender", () => {
  it("keeps a mail out of the outbox when the transaction that queued it rolls back", async () => {
    await t.db
      .transaction(async (tx) => {
        await enqueueMail(tx, { kind: "test", to: "rolled@back.example", subject: "x", text: "x" });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "rolled@back.example"))).toHaveLength(0);
  });

  it("sends a queued mail through SMTP exactly once, even with two senders at the same time", async () => {
    await enqueueMail(t.db, { kind: "test", to: "a@planwerk.example", subject: "Betreff äöü", text: "Hallo https://x.example/link" });
    const sent = await Promise.all([deliverDueMails(t.db, transport(), "Planwerk <p@x.example>"), deliverDueMails(t.db, transport(), "Planwerk <p@x.example>")]);
    expect(sent[0] + sent[1]).toBe(1);
    expect(received.filter((r) => r.to === "a@planwerk.example")).toHaveLength(1);
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "a@planwerk.example"));
    expect(row!.sentAt).not.toBeNull();
    expect(await deliverDueMails(t.db, transport(), "p@x.example")).toBe(0);
  });

  it("retries a failed delivery later with growing back-off", async () => {
    reject = true;
    await enqueueMail(t.db, { kind: "test", to: "b@planwerk.example", subject: "s", text: "t" });
    const before = Date.now();
    expect(await deliverDueMails(t.db, transport(), "p@x.example")).toBe(0);
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "b@planwerk.example"));
    expect(row!.sentAt).toBeNull();
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toMatch(/mailbox unavailable/);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(before + 20_000);
    reject = false;
    // Not due yet: nothing happens now; once due, it goes out.
    expect(await deliverDueMails(t.db, transport(), "p@x.example")).toBe(0);
    expect(await deliverDueMails(t.db, transport(), "p@x.example", new Date(Date.now() + backoffMs(1) + 5_000))).toBe(1);
    expect(received.filter((r) => r.to === "b@planwerk.example")).toHaveLength(1);
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));
  });

  it("keeps no usable link in the stored copy of a sent mail", async () => {
    const link = "http://localhost/invitation/SECRET-token-abcdefghijklmnopqrstuvwxyz";
    await enqueueMail(t.db, { kind: "invitation", to: "c@planwerk.example", subject: "s", text: `Hier: ${link}\nGruß`, link, linkExpiresAt: new Date(Date.now() + 86_400_000) });
    const [queued] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "c@planwerk.example"));
    // Unsent (the demo outbox shows it): the link is still there.
    expect(queued!.link).toBe(link);
    expect(await deliverDueMails(t.db, transport(), "p@x.example")).toBe(1);
    expect(received.find((r) => r.to === "c@planwerk.example")!.raw).toContain("SECRET-token");
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "c@planwerk.example"));
    expect(row!.link).toBeNull();
    expect(row!.textBody).not.toContain("SECRET-token");
    expect(row!.textBody).toContain(LINK_REMOVED);
  });

  it("does not send a mail whose link expired, and erases the link", async () => {
    const link = "http://localhost/api/auth/callback/email?token=EXPIRED-abcdefghijklmnop";
    await enqueueMail(t.db, { kind: "sign_in", to: "d@planwerk.example", subject: "s", text: `Link: ${link}`, link, linkExpiresAt: new Date(Date.now() - 1000) });
    await enqueueMail(t.db, { kind: "sign_in", to: "e@planwerk.example", subject: "s", text: `Link: ${link}`, link, linkExpiresAt: new Date(Date.now() + 60_000) });
    // Without SMTP (demo): the housekeeping erases the expired one only.
    expect(await expireMailLinks(t.db)).toBe(1);
    const [expired] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "d@planwerk.example"));
    expect(expired!.link).toBeNull();
    expect(expired!.textBody).not.toContain("EXPIRED");
    expect(expired!.failedAt).not.toBeNull();
    const [fresh] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "e@planwerk.example"));
    expect(fresh!.link).toBe(link);
    await deliverDueMails(t.db, transport(), "p@x.example");
    expect(received.filter((r) => r.to === "d@planwerk.example")).toHaveLength(0);
    expect(received.filter((r) => r.to === "e@planwerk.example")).toHaveLength(1);
  });

  it("gives sign-in and invitation mails the expiry of their token", () => {
    const signIn = signInMail({ to: "x@y.example", url: "http://localhost/x", locale: "de" });
    expect(signIn.linkExpiresAt!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(signIn.linkExpiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const invitation = invitationMail({ to: "x@y.example", url: "http://localhost/x", name: "X", inviter: "Y", locale: "de" });
    expect(Math.round((invitation.linkExpiresAt!.getTime() - Date.now()) / 86_400_000)).toBe(INVITATION_DAYS);
  });

  it("sends the mails people wait for before a mass mailing queued earlier", async () => {
    for (let i = 0; i < 25; i++) await enqueueMail(t.db, { kind: "notification", to: `bulk${i}@planwerk.example`, subject: "Die Beteiligung hat begonnen", text: "x" }, { bulk: true });
    await enqueueMail(t.db, { kind: "sign_in", to: "waiting@planwerk.example", subject: "Ihr Anmeldelink", text: "x" });
    // One batch (20 mails): the sign-in link is in it although 25 bulk mails came first.
    await deliverDueMails(t.db, transport(), "p@x.example");
    expect(received.some((r) => r.to === "waiting@planwerk.example")).toBe(true);
    expect(received.filter((r) => r.to.startsWith("bulk")).length).toBe(19);
  });
});
