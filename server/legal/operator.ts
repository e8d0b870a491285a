import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import sample from "@/config/operator.example.json";
import { isDemo } from "../env";
import { log } from "../log";

const text = (max = 300) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const email = z.email("must be an e-mail address");
const website = z.url({ protocol: /^https?$/, error: "must be a URL starting with http:// or https://" });
const address = z.strictObject({
  street: text(),
  postalCode: z.string().regex(/^\d{5}$/, "must be a German postal code of five digits"),
  city: text(),
});
const isoDate = z.iso.date("must be a date written YYYY-MM-DD");

/** Bodies a person can turn to when an answer to their accessibility feedback does not help. */
export const enforcementProcedures = ["l-bgg-bw", "bgg"] as const;

/**
 * The operator's facts for the Impressum, the privacy notice and the accessibility statement.
 * Strict objects: a misspelt key is an error, not a silently missing fact.
 */
export const operatorSchema = z.strictObject({
  $comment: z.string().optional(),
  operator: z.strictObject({
    name: text(),
    legalForm: text(),
    authority: text(),
    department: text().optional(),
    representative: text(),
    address,
    email,
    phone: text(40).optional(),
    website: website.optional(),
    vatId: text(40).optional(),
  }),
  contentResponsible: z.strictObject({ name: text(), address: address.optional() }),
  dataProtectionOfficer: z.strictObject({ name: text(), address, email, phone: text(40).optional() }),
  supervisoryAuthority: z.strictObject({ name: text(), address, email: email.optional(), website: website.optional() }),
  accessibility: z.strictObject({
    reviewDate: isoDate,
    /** Receives the feedback from /barrierefreiheit besides the active officers. */
    contactEmail: email.optional(),
    enforcement: z
      .array(
        z.strictObject({
          procedure: z.enum(enforcementProcedures, `must be one of ${enforcementProcedures.join(", ")}`),
          name: text(),
          address,
          email: email.optional(),
          phone: text(40).optional(),
          website: website.optional(),
        }),
      )
      .min(1, "must name at least one body"),
  }),
  retention: z.strictObject({ serverLogDays: z.int("must be a whole number of days").min(1).max(3650) }),
});

export type OperatorFacts = z.infer<typeof operatorSchema>;
export type Address = z.infer<typeof address>;

/**
 * configured: from the operator's file. sample: demo mode without a file (shown labelled as sample
 * values). missing: no file outside demo mode — the pages say that the facts are not yet provided.
 */
export type OperatorConfig =
  | { status: "configured"; facts: OperatorFacts; file: string }
  | { status: "sample"; facts: OperatorFacts }
  | { status: "missing"; file: string };

export class OperatorConfigError extends Error {}

export const DEFAULT_OPERATOR_FILE = "planwerk.operator.json";

const fieldPath = (p: PropertyKey[]) => p.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), "");

/** Parses the file's text; throws an OperatorConfigError that names every wrong field. */
export function parseOperatorFacts(json: string, file: string): OperatorFacts {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new OperatorConfigError(`Operator file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const result = operatorSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      if (i.code === "unrecognized_keys") return i.keys.map((k) => `${fieldPath([...i.path, k])} is not a known field`).join("; ");
      const where = fieldPath(i.path) || "(top level)";
      if (i.code === "invalid_type" && i.input === undefined) return `${where} is missing`;
      if (i.code === "invalid_type" && i.message.startsWith("Invalid input")) return `${where} must be of type ${i.expected}`;
      return `${where} ${i.message}`;
    });
    throw new OperatorConfigError(`Operator file ${file}: ${lines.join("; ")}.`);
  }
  return result.data;
}

/**
 * Reads the operator's facts from PLANWERK_OPERATOR_FILE (default ./planwerk.operator.json).
 * A file named explicitly must exist; a broken file is an error. Pure apart from reading the file.
 */
export function loadOperatorConfig({
  env = process.env,
  demo = env.PLANWERK_DEMO === "1",
  cwd = process.cwd(),
}: { env?: Record<string, string | undefined>; demo?: boolean; cwd?: string } = {}): OperatorConfig {
  const explicit = env.PLANWERK_OPERATOR_FILE;
  const file = path.resolve(/*turbopackIgnore: true*/ cwd, explicit || DEFAULT_OPERATOR_FILE);
  if (!fs.existsSync(file)) {
    if (explicit) throw new OperatorConfigError(`PLANWERK_OPERATOR_FILE names ${file}, which does not exist.`);
    return demo ? { status: "sample", facts: sampleFacts() } : { status: "missing", file };
  }
  return { status: "configured", facts: parseOperatorFacts(fs.readFileSync(file, "utf8"), file), file };
}

export function sampleFacts(): OperatorFacts {
  return operatorSchema.parse(sample);
}

let cached: { key: string; config: OperatorConfig } | undefined;
let warned = false;

/**
 * The running server's operator facts. Re-read when the file changes, so a corrected file takes
 * effect without a restart; a missing file outside demo mode is logged once as a warning.
 */
export function getOperatorConfig(): OperatorConfig {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.PLANWERK_OPERATOR_FILE || DEFAULT_OPERATOR_FILE);
  let mtime = 0;
  try {
    mtime = fs.statSync(file).mtimeMs;
  } catch {
    // no file: the key below still tells the states apart
  }
  const key = `${file}:${mtime}:${isDemo()}`;
  if (cached?.key === key) return cached.config;
  let config: OperatorConfig;
  try {
    config = loadOperatorConfig({ demo: isDemo() });
  } catch (e) {
    log.error({ err: e }, "operator file rejected");
    throw e;
  }
  if (config.status === "missing" && !warned) {
    warned = true;
    log.warn({ file }, "no operator file: Impressum, Datenschutz and Barrierefreiheit say that the operator's facts are not yet provided");
  }
  cached = { key, config };
  return config;
}
