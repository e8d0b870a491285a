import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, mailOutbox, municipalities, organisations, stakeholderGroups, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { invitationMail } from "../mail/templates";
import { invitationExpiry } from "../security/lifetimes";
import { COUNCIL_GROUP_KEY, emailMaxLength, nameLength } from "./options";
import { hashToken, newToken } from "./tokens";

import { IMPORT_MAX_ROWS } from "./import-limits";

export { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "./import-limits";

export const importColumns = ["email", "name", "role", "group", "organisation", "municipality"] as const;
export type ImportColumn = (typeof importColumns)[number];

/** A row as read from the file; `row` is the line number the officer sees in the spreadsheet (header = 1). */
export type ImportRow = { row: number } & Record<ImportColumn, string>;
/** What is wrong with a row (or the file, row 0): a key under messages users.import.errors. */
export type ImportError = { row: number; column: ImportColumn | null; code: ImportErrorCode; value?: string };
export type ImportErrorCode =
  | "unreadable"
  | "empty"
  | "tooManyRows"
  | "missingColumn"
  | "required"
  | "email"
  | "tooLong"
  | "tooShort"
  | "duplicateInFile"
  | "emailTaken"
  | "unknownRole"
  | "unknownGroup"
  | "unknownOrganisation"
  | "organisationGroup"
  | "councilGroup"
  | "unknownMunicipality";

/** Column headings as German Excel users and English users write them, compared without case, spaces or hyphens. */
const headingAliases: Record<string, ImportColumn> = {
  email: "email",
  mail: "email",
  emailadresse: "email",
  emailaddress: "email",
  name: "name",
  vornamename: "name",
  rolle: "role",
  role: "role",
  gruppe: "group",
  group: "group",
  akteursgruppe: "group",
  organisation: "organisation",
  organization: "organisation",
  einrichtung: "organisation",
  gemeinde: "municipality",
  kommune: "municipality",
  stadtgemeinde: "municipality",
  municipality: "municipality",
};
const headingKey = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/ä/g, "a")
    .replace(/[^a-z]/g, "");

/**
 * The file's text: UTF-8 (with or without BOM) if the bytes are valid UTF-8, else Windows-1252,
 * which is what German Excel writes for "CSV (Trennzeichen-getrennt)".
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "");
}

function isXlsx(bytes: Uint8Array, filename: string): boolean {
  // An XLSX file is a ZIP archive: "PK\x03\x04".
  return /\.xlsx$/i.test(filename) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
}

async function readTable(bytes: Uint8Array, filename: string): Promise<string[][]> {
  if (isXlsx(bytes, filename)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? "");
      rows[number - 1] = cells;
    });
    return Array.from(rows, (r) => r ?? []);
  }
  const text = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  // German Excel separates with ";", others with ","; the heading line tells which.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true, bom: true }) as string[][];
}

/**
 * Reads a CSV or XLSX file into rows, or says why it cannot (file-level errors have row 0, or the
 * heading row 1 for a missing column). Blank lines are skipped but keep the line numbering.
 */
export async function readPeopleFile(bytes: Uint8Array, filename: string): Promise<{ rows: ImportRow[]; errors: ImportError[] }> {
  let table: string[][];
  try {
    table = await readTable(bytes, filename);
  } catch {
    return { rows: [], errors: [{ row: 0, column: null, code: "unreadable" }] };
  }
  const [heading, ...body] = table;
  if (!heading || heading.every((h) => !h.trim())) return { rows: [], errors: [{ row: 0, column: null, code: "empty" }] };
  const index = new Map<ImportColumn, number>();
  heading.forEach((h, i) => {
    const column = headingAliases[headingKey(h)];
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = (["email", "name", "group"] as const).filter((c) => !index.has(c));
  if (missing.length) return { rows: [], errors: missing.map((column) => ({ row: 1, column, code: "missingColumn" as const })) };
  const rows: ImportRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => !String(c ?? "").trim())) return;
    const get = (c: ImportColumn) => {
      const at = index.get(c);
      return at === undefined ? "" : String(cells[at] ?? "").trim();
    };
    rows.push({ row: i + 2, email: get("email"), name: get("name"), role: get("role"), group: get("group"), organisation: get("organisation"), municipality: get("municipality") });
  });
  if (rows.length === 0) return { rows, errors: [{ row: 0, column: null, code: "empty" }] };
  if (rows.length > IMPORT_MAX_ROWS) return { rows: [], errors: [{ row: 0, column: null, code: "tooManyRows" }] };
  return { rows, errors: [] };
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const norm = (s: string) => s.trim().toLocaleLowerCase("de");
/** Roles by their key or their name in either language. */
const roleNames: Record<string, Role> = {
  stakeholder: "stakeholder",
  beteiligte: "stakeholder",
  beteiligter: "stakeholder",
  council: "council",
  kreistag: "council",
  officer: "officer",
  integrationsbeauftragte: "officer",
  integrationsbeauftragter: "officer",
  "integration officer": "officer",
};

export type CheckedPerson = { email: string; name: string; role: Role; groupId: string; organisationId: string | null; municipalityId: string | null };

/**
 * Checks every row against the registry and the existing accounts and reports every problem, so
 * the officer can correct the whole file at once.
 */
export async function checkPeopleRows(db: DbOrTx, rows: ImportRow[]): Promise<{ people: CheckedPerson[]; errors: ImportError[] }> {
  const [groups, orgs, places] = await Promise.all([
    db.select({ id: stakeholderGroups.id, key: stakeholderGroups.key, nameDe: stakeholderGroups.nameDe, nameEn: stakeholderGroups.nameEn }).from(stakeholderGroups),
    db.select({ id: organisations.id, name: organisations.name, groupId: organisations.groupId, municipalityId: organisations.municipalityId }).from(organisations),
    db.select({ id: municipalities.id, name: municipalities.name }).from(municipalities),
  ]);
  const emails = [...new Set(rows.map((r) => norm(r.email)).filter(Boolean))];
  const taken = new Set<string>();
  for (let i = 0; i < emails.length; i += 1000) {
    const chunk = emails.slice(i, i + 1000);
    const found = await db
      .select({ email: sql<string>`lower(${users.email})` })
      .from(users)
      .where(inArray(sql`lower(${users.email})`, chunk));
    for (const f of found) taken.add(f.email);
  }
  const errors: ImportError[] = [];
  const people: CheckedPerson[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const before = errors.length;
    const fail = (column: ImportColumn, code: ImportErrorCode, value?: string) => errors.push({ row: r.row, column, code, ...(value ? { value } : {}) });
    const email = norm(r.email);
    if (!email) fail("email", "required");
    else if (email.length > emailMaxLength || !emailShape.test(email)) fail("email", "email", r.email);
    else if (seen.has(email)) fail("email", "duplicateInFile", String(seen.get(email)));
    else if (taken.has(email)) fail("email", "emailTaken", r.email);
    if (email && !seen.has(email)) seen.set(email, r.row);
    if (!r.name) fail("name", "required");
    else if (r.name.length < nameLength.min) fail("name", "tooShort");
    else if (r.name.length > nameLength.max) fail("name", "tooLong");
    const role = r.role ? roleNames[norm(r.role)] : "stakeholder";
    if (!role) fail("role", "unknownRole", r.role);
    const group = r.group ? groups.find((g) => [g.key, g.nameDe, g.nameEn].some((n) => norm(n) === norm(r.group))) : undefined;
    if (!r.group) fail("group", "required");
    else if (!group) fail("group", "unknownGroup", r.group);
    else if (role === "council" && group.key !== COUNCIL_GROUP_KEY) fail("group", "councilGroup");
    let organisationId: string | null = null;
    if (r.organisation) {
      const named = orgs.filter((o) => norm(o.name) === norm(r.organisation));
      const org = named.find((o) => o.groupId === group?.id) ?? named[0];
      if (!org) fail("organisation", "unknownOrganisation", r.organisation);
      else if (group && org.groupId !== group.id) fail("organisation", "organisationGroup", r.organisation);
      else organisationId = org.id;
    }
    let municipalityId: string | null = null;
    if (r.municipality) {
      const place = places.find((p) => norm(p.name) === norm(r.municipality));
      if (!place) fail("municipality", "unknownMunicipality", r.municipality);
      else municipalityId = place.id;
    }
    if (errors.length === before && role && group) people.push({ email, name: r.name, role, groupId: group.id, organisationId, municipalityId });
  }
  return { people, errors };
}

/**
 * Creates the accounts, invitations and invitation mails of many people in the caller's
 * transaction with three multi-row inserts per chunk (not three round trips per person).
 */
export async function insertInvitations(
  tx: DbOrTx,
  people: CheckedPerson[],
  { invitedBy, baseUrl, now = new Date() }: { invitedBy: { id: string; name: string }; baseUrl: string; now?: Date },
): Promise<string[]> {
  const ids: string[] = [];
  const expiresAt = invitationExpiry(now);
  const base = baseUrl.replace(/\/$/, "");
  for (let i = 0; i < people.length; i += 250) {
    const chunk = people.slice(i, i + 250);
    const created = await tx
      .insert(users)
      .values(chunk.map((p) => ({ email: p.email, name: p.name, role: p.role, groupId: p.groupId, organisationId: p.organisationId, municipalityId: p.municipalityId })))
      .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale });
    const withTokens = created.map((u) => ({ ...u, token: newToken() }));
    await tx.insert(invitations).values(withTokens.map((u) => ({ userId: u.id, tokenHash: hashToken(u.token), invitedBy: invitedBy.id, expiresAt })));
    await tx.insert(mailOutbox).values(
      withTokens.map((u) => {
        const mail = invitationMail({ to: u.email, url: `${base}/invitation/${u.token}`, name: u.name, inviter: invitedBy.name, locale: u.locale, expiresAt });
        return { kind: mail.kind, toAddress: mail.to, subject: mail.subject, textBody: mail.text, link: mail.link ?? null, linkExpiresAt: mail.linkExpiresAt ?? null };
      }),
    );
    ids.push(...created.map((u) => u.id));
  }
  return ids;
}

/** The whole import, all or nothing: nothing is written unless every row is right. */
export async function importPeopleFile(
  tx: DbOrTx,
  file: { bytes: Uint8Array; name: string },
  who: { invitedBy: { id: string; name: string }; baseUrl: string },
): Promise<{ imported: number; errors: ImportError[] }> {
  const read = await readPeopleFile(file.bytes, file.name);
  if (read.errors.length) return { imported: 0, errors: read.errors };
  const checked = await checkPeopleRows(tx, read.rows);
  if (checked.errors.length) return { imported: 0, errors: checked.errors };
  const ids = await insertInvitations(tx, checked.people, who);
  return { imported: ids.length, errors: [] };
}
