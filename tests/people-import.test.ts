import crypto from "node:crypto";
import ExcelJS from "exceljs";
import { count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { invitations, mailOutbox, municipalities, organisations, stakeholderGroups, users } from "@/db/schema";
import { decodeText, importPeopleFile, readPeopleFile } from "@/server/users/import";
import { importInput } from "@/server/users/inputs";
import { createInvitation, openInvitationWhere, renewInvitation, revokeOpenInvitations } from "@/server/users/invitations";
import { freshDatabase, type TestDatabase } from "./helpers/db";

let t: TestDatabase;
let db: Db;
let officer: { id: string; name: string };
const who = () => ({ invitedBy: officer, baseUrl: "https://planwerk.example" });

/** German Excel's "CSV (Trennzeichen-getrennt)": semicolons, CRLF, Windows-1252. */
const windows1252 = (text: string) => new Uint8Array(Buffer.from(text.replace(/\n/g, "\r\n"), "latin1"));
const utf8 = (text: string, bom = false) => new Uint8Array(Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]));
const tag = () => crypto.randomBytes(3).toString("hex");

async function import_(bytes: Uint8Array, name: string) {
  return db.transaction(async (tx) => importPeopleFile(tx, { bytes, name }, who()));
}

beforeAll(async () => {
  t = await freshDatabase();
  db = t.db;
  const groups = await db
    .insert(stakeholderGroups)
    .values([
      { key: "ehrenamt", nameDe: "Ehrenamtlich Engagierte", nameEn: "Volunteers", position: 1 },
      { key: "migrantenorganisationen", nameDe: "Migrant*innenorganisationen", nameEn: "Migrant organisations", position: 2 },
      { key: "kreistag", nameDe: "Kreistag", nameEn: "County council", position: 3 },
      { key: "verwaltung", nameDe: "Kreisverwaltung", nameEn: "County administration", position: 4 },
    ])
    .returning();
  const [goeppingen] = await db.insert(municipalities).values([{ name: "Göppingen" }, { name: "Süßen" }]).returning();
  await db.insert(organisations).values({ key: "tuerk-elternverein", name: "Türkischer Elternverein Göppingen", groupId: groups[1]!.id, municipalityId: goeppingen!.id });
  const [o] = await db.insert(users).values({ email: "officer@test.example", name: "Jana Beauftragte", role: "officer", groupId: groups[3]!.id }).returning();
  officer = { id: o!.id, name: o!.name };
});

afterAll(async () => {
  await t.close();
});

describe("reading a list of people", () => {
  it("reads German Excel's CSV: semicolons, Windows-1252, umlauts in names", async () => {
    const s = tag();
    const bytes = windows1252(
      `E-Mail;Name;Rolle;Gruppe;Organisation;Gemeinde\n` +
        `juergen.${s}@test.example;Jürgen Müßig;Beteiligte;Ehrenamtlich Engagierte;;Süßen\n` +
        `oezlem.${s}@test.example;Özlem Äßler;Beteiligte;Migrant*innenorganisationen;Türkischer Elternverein Göppingen;Göppingen\n`,
    );
    // Not valid UTF-8: the decoder falls back to Windows-1252.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const result = await import_(bytes, "Einladungen.csv");
    expect(result).toEqual({ imported: 2, errors: [] });
    const rows = await db
      .select({ name: users.name, email: users.email, org: organisations.name, place: municipalities.name, role: users.role })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .leftJoin(municipalities, eq(municipalities.id, users.municipalityId))
      .where(inArray(users.email, [`juergen.${s}@test.example`, `oezlem.${s}@test.example`]))
      .orderBy(users.name);
    expect(rows).toEqual([
      { name: "Jürgen Müßig", email: `juergen.${s}@test.example`, org: null, place: "Süßen", role: "stakeholder" },
      { name: "Özlem Äßler", email: `oezlem.${s}@test.example`, org: "Türkischer Elternverein Göppingen", place: "Göppingen", role: "stakeholder" },
    ]);
    const mails = await db.select({ to: mailOutbox.toAddress, subject: mailOutbox.subject, text: mailOutbox.textBody }).from(mailOutbox).where(eq(mailOutbox.toAddress, `oezlem.${s}@test.example`));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("Özlem Äßler");
    expect(mails[0]!.text).toMatch(/https:\/\/planwerk\.example\/invitation\/[A-Za-z0-9_-]{43}/);
  });

  it("reads UTF-8 with a BOM and commas, quoted fields included", async () => {
    const s = tag();
    const result = await import_(utf8(`email,name,group,role\nşule.${s}@test.example,"Yılmaz, Şule",Volunteers,stakeholder\n`, true), "people.csv");
    expect(result).toEqual({ imported: 1, errors: [] });
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.email, `şule.${s}@test.example`));
    expect(row?.name).toBe("Yılmaz, Şule");
    expect(decodeText(utf8("ä", true))).toBe("ä");
  });

  it("reads an XLSX workbook's first sheet", async () => {
    const s = tag();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Personen");
    sheet.addRow(["E-Mail-Adresse", "Name", "Rolle", "Gruppe", "Organisation", "Gemeinde"]);
    sheet.addRow([`mehmet.${s}@test.example`, "Mehmet Güneş", "Kreistag", "Kreistag", "", "Göppingen"]);
    sheet.addRow([]);
    sheet.addRow([`grete.${s}@test.example`, "Grete Weiß", "", "Ehrenamtlich Engagierte", "", ""]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await import_(bytes, "liste.xlsx");
    expect(result).toEqual({ imported: 2, errors: [] });
    const rows = await db
      .select({ name: users.name, role: users.role })
      .from(users)
      .where(inArray(users.email, [`mehmet.${s}@test.example`, `grete.${s}@test.example`]))
      .orderBy(users.name);
    expect(rows).toEqual([
      { name: "Grete Weiß", role: "stakeholder" },
      { name: "Mehmet Güneş", role: "council" },
    ]);
  });

  it("imports nothing from a file with a bad row and names every row, column and problem", async () => {
    const s = tag();
    const [{ n: before }] = (await db.select({ n: count() }).from(users)) as [{ n: number }];
    const [{ n: mailsBefore }] = (await db.select({ n: count() }).from(mailOutbox)) as [{ n: number }];
    const csv =
      `E-Mail;Name;Rolle;Gruppe;Organisation;Gemeinde\n` +
      `gut.${s}@test.example;Gute Zeile;;Ehrenamtlich Engagierte;;\n` +
      `keine-adresse;Schlechte Zeile;;Ehrenamtlich Engagierte;;\n` +
      `gut.${s}@test.example;Doppelt;;Ehrenamtlich Engagierte;;\n` +
      `officer@test.example;Vergeben;;Gibt es nicht;;Atlantis\n` +
      `k.${s}@test.example;Rat;Kreistag;Ehrenamtlich Engagierte;Türkischer Elternverein Göppingen;\n`;
    const result = await import_(windows1252(csv), "fehler.csv");
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([
      { row: 3, column: "email", code: "email", value: "keine-adresse" },
      { row: 4, column: "email", code: "duplicateInFile", value: "2" },
      { row: 5, column: "email", code: "emailTaken", value: "officer@test.example" },
      { row: 5, column: "group", code: "unknownGroup", value: "Gibt es nicht" },
      { row: 5, column: "municipality", code: "unknownMunicipality", value: "Atlantis" },
      { row: 6, column: "group", code: "councilGroup" },
      { row: 6, column: "organisation", code: "organisationGroup", value: "Türkischer Elternverein Göppingen" },
    ]);
    const [{ n: after }] = (await db.select({ n: count() }).from(users)) as [{ n: number }];
    const [{ n: mailsAfter }] = (await db.select({ n: count() }).from(mailOutbox)) as [{ n: number }];
    expect(after).toBe(before);
    expect(mailsAfter).toBe(mailsBefore);
  });

  it("says which column heading is missing, and refuses an empty or unreadable file", async () => {
    expect((await readPeopleFile(utf8("Name;Gruppe\nA;B\n"), "x.csv")).errors).toEqual([{ row: 1, column: "email", code: "missingColumn" }]);
    expect((await readPeopleFile(utf8("E-Mail;Name;Gruppe\n"), "x.csv")).errors).toEqual([{ row: 0, column: null, code: "empty" }]);
    expect((await readPeopleFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "x.xlsx")).errors).toEqual([{ row: 0, column: null, code: "unreadable" }]);
  });

  it("imports 500 people in one transaction within seconds", async () => {
    const s = tag();
    const lines = Array.from({ length: 500 }, (_, i) => `p${i}.${s}@test.example;Person Nummer ${i} Ünal;Beteiligte;Ehrenamtlich Engagierte;;Göppingen`);
    const bytes = windows1252(`E-Mail;Name;Rolle;Gruppe;Organisation;Gemeinde\n${lines.join("\n")}\n`);
    const started = performance.now();
    const result = await import_(bytes, "500.csv");
    const seconds = (performance.now() - started) / 1000;
    expect(result).toEqual({ imported: 500, errors: [] });
    expect(seconds).toBeLessThan(10);
    const [{ n: people }] = (await db.select({ n: count() }).from(users).where(sql`${users.email} like ${`%.${s}@test.example`}`)) as [{ n: number }];
    const [{ n: mails }] = (await db.select({ n: count() }).from(mailOutbox).where(sql`${mailOutbox.toAddress} like ${`%.${s}@test.example`}`)) as [{ n: number }];
    const [{ n: links }] = (await db
      .select({ n: count() })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(sql`${users.email} like ${`%.${s}@test.example`}`)) as [{ n: number }];
    expect([people, mails, links]).toEqual([500, 500, 500]);
    console.info(`500 people imported in ${seconds.toFixed(2)} s (${t.driver})`);
  });
});

describe("the upload's validation", () => {
  it("accepts a CSV or XLSX file up to 2 MB and refuses others", () => {
    const ok = importInput.safeParse({ file: new File(["E-Mail;Name;Gruppe\n"], "liste.csv", { type: "text/csv" }) });
    expect(ok.success).toBe(true);
    const big = importInput.safeParse({ file: new File([new Uint8Array(2 * 1024 * 1024 + 1)], "liste.csv", { type: "text/csv" }) });
    expect(big.error?.issues[0]?.message).toBe("fileTooLarge");
    const pdf = importInput.safeParse({ file: new File(["%PDF"], "liste.pdf", { type: "application/pdf" }) });
    expect(pdf.error?.issues[0]?.message).toBe("fileType");
    expect(importInput.safeParse({ file: { name: "liste.csv", base64: Buffer.from("E-Mail;Name;Gruppe\n").toString("base64") } }).success).toBe(true);
  });
});

describe("invitation links", () => {
  async function invite() {
    const [g] = await db.select({ id: stakeholderGroups.id }).from(stakeholderGroups).where(eq(stakeholderGroups.key, "ehrenamt"));
    const { userId, url } = await createInvitation(db, { email: `link.${tag()}@test.example`, name: "Link Person", role: "stakeholder", groupId: g!.id, invitedBy: officer, baseUrl: "https://x" });
    return { userId, token: url.split("/").at(-1)! };
  }
  const open = async (token: string, now?: Date) =>
    (await db.select({ id: invitations.id }).from(invitations).innerJoin(users, eq(users.id, invitations.userId)).where(openInvitationWhere(token, now))).length === 1;

  it("is refused once revoked", async () => {
    const { userId, token } = await invite();
    expect(await open(token)).toBe(true);
    expect(await revokeOpenInvitations(db, userId)).toBe(1);
    expect(await open(token)).toBe(false);
    expect(await revokeOpenInvitations(db, userId)).toBe(0);
  });

  it("is refused after 14 days", async () => {
    const { token } = await invite();
    expect(await open(token, new Date(Date.now() + 13.9 * 86_400_000))).toBe(true);
    expect(await open(token, new Date(Date.now() + 14.01 * 86_400_000))).toBe(false);
  });

  it("is refused once used", async () => {
    const { token } = await invite();
    await db.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.tokenHash, crypto.createHash("sha256").update(token).digest("hex")));
    expect(await open(token)).toBe(false);
  });

  it("resending replaces the old link with a new one and a new mail; a person who accepted gets none", async () => {
    const { userId, token } = await invite();
    expect(await db.transaction((tx) => renewInvitation(tx, { userId, invitedBy: officer, baseUrl: "https://x" }))).toBe(true);
    expect(await open(token)).toBe(false);
    const mails = await db.select({ text: mailOutbox.textBody }).from(mailOutbox).innerJoin(users, eq(users.email, mailOutbox.toAddress)).where(eq(users.id, userId));
    const tokens = mails.map((m) => m.text.match(/invitation\/([A-Za-z0-9_-]+)/)![1]!);
    expect(tokens).toHaveLength(2);
    expect(tokens).toContain(token);
    const fresh = tokens.find((x) => x !== token)!;
    expect(await open(fresh)).toBe(true);
    await db.update(users).set({ passwordHash: "x" }).where(eq(users.id, userId));
    expect(await db.transaction((tx) => renewInvitation(tx, { userId, invitedBy: officer, baseUrl: "https://x" }))).toBe(false);
  });
});

describe("the last active officer", () => {
  it("is the only one who cannot be let go: another active officer must remain", async () => {
    const { anotherActiveOfficer } = await import("@/server/users/officers");
    const [g] = await db.select({ id: stakeholderGroups.id }).from(stakeholderGroups).where(eq(stakeholderGroups.key, "verwaltung"));
    // The suite's one officer is the last.
    expect(await db.transaction((tx) => anotherActiveOfficer(tx, officer.id))).toBe(false);
    const [second] = await db.insert(users).values({ email: `second.${tag()}@test.example`, name: "Zweite Beauftragte", role: "officer", groupId: g!.id }).returning();
    expect(await db.transaction((tx) => anotherActiveOfficer(tx, officer.id))).toBe(true);
    expect(await db.transaction((tx) => anotherActiveOfficer(tx, second!.id))).toBe(true);
    await db.update(users).set({ active: false }).where(eq(users.id, second!.id));
    expect(await db.transaction((tx) => anotherActiveOfficer(tx, officer.id))).toBe(false);
  });
});
