import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import sample from "@/config/operator.example.json";
import { DEFAULT_OPERATOR_FILE, loadOperatorConfig, OperatorConfigError, parseOperatorFacts } from "@/server/legal/operator";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "planwerk-operator-"));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const clone = () => JSON.parse(JSON.stringify(sample)) as Record<string, Record<string, unknown>>;
const write = (dir: string, data: unknown, name = DEFAULT_OPERATOR_FILE) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data));
  return file;
};

describe("operator configuration", () => {
  it("reads a valid file from the default path, also in demo mode", () => {
    const dir = tempDir();
    const facts = clone();
    facts.operator!.name = "Landkreis Musterstadt";
    write(dir, facts);
    for (const demo of [false, true]) {
      const config = loadOperatorConfig({ env: {}, demo, cwd: dir });
      expect(config.status).toBe("configured");
      if (config.status !== "configured") throw new Error("unreachable");
      expect(config.facts.operator.name).toBe("Landkreis Musterstadt");
      expect(config.facts.accessibility.enforcement.map((e) => e.procedure)).toEqual(["l-bgg-bw", "bgg"]);
    }
  });

  it("reads the file PLANWERK_OPERATOR_FILE names, relative to the working folder", () => {
    const dir = tempDir();
    write(dir, clone(), "county.json");
    const config = loadOperatorConfig({ env: { PLANWERK_OPERATOR_FILE: "county.json" }, demo: false, cwd: dir });
    expect(config.status).toBe("configured");
  });

  it("names each wrong field of a broken file", () => {
    const facts = clone();
    delete facts.dataProtectionOfficer!.email;
    (facts.accessibility!.enforcement as Record<string, unknown>[])[1]!.procedure = "bund";
    facts.accessibility!.reviewDate = "1.6.2026";
    facts.operator!.adress = facts.operator!.address;
    facts.retention!.serverLogDays = "vierzehn";
    facts.supervisoryAuthority!.name = 42;
    const run = () => parseOperatorFacts(JSON.stringify(facts), "/etc/planwerk/operator.json");
    expect(run).toThrow(OperatorConfigError);
    expect(run).toThrow(/^Operator file \/etc\/planwerk\/operator\.json: /);
    expect(run).toThrow(/dataProtectionOfficer\.email is missing/);
    expect(run).toThrow(/accessibility\.enforcement\[1\]\.procedure must be one of l-bgg-bw, bgg/);
    expect(run).toThrow(/accessibility\.reviewDate must be a date written YYYY-MM-DD/);
    expect(run).toThrow(/operator\.adress is not a known field/);
    expect(run).toThrow(/retention\.serverLogDays must be a whole number of days/);
    expect(run).toThrow(/supervisoryAuthority\.name must be of type string/);
  });

  it("reports a file that is not JSON, and a named file that does not exist", () => {
    const dir = tempDir();
    write(dir, '{ "operator": ');
    expect(() => loadOperatorConfig({ env: {}, demo: false, cwd: dir })).toThrow(/is not valid JSON/);
    expect(() => loadOperatorConfig({ env: { PLANWERK_OPERATOR_FILE: "nowhere.json" }, demo: true, cwd: dir })).toThrow(
      /PLANWERK_OPERATOR_FILE names .*nowhere\.json, which does not exist/,
    );
  });

  it("without a file gives the labelled sample values in demo mode and none otherwise", () => {
    const dir = tempDir();
    const demo = loadOperatorConfig({ env: {}, demo: true, cwd: dir });
    expect(demo.status).toBe("sample");
    if (demo.status !== "sample") throw new Error("unreachable");
    expect(demo.facts.operator.authority).toBe("Landratsamt Göppingen");
    expect(demo.facts.operator.address).toEqual({ street: "Lorcher Straße 6", postalCode: "73033", city: "Göppingen" });
    expect(demo.facts.supervisoryAuthority.address.street).toBe("Lautenschlagerstraße 20");
    // Sample e-mail addresses cannot reach a real mailbox.
    expect(demo.facts.operator.email).toMatch(/\.example$/);
    expect(demo.facts.accessibility.contactEmail).toMatch(/\.example$/);

    const production = loadOperatorConfig({ env: {}, demo: false, cwd: dir });
    expect(production).toEqual({ status: "missing", file: path.join(dir, DEFAULT_OPERATOR_FILE) });
  });
});
