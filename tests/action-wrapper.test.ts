import { createFormatter, createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { fieldKeyMessage, fieldMessage, inputOf, refusalMessage, waitText } from "@/server/actions/define";
import { decide } from "@/server/permissions";

const tr = (locale: "de" | "en") => createTranslator({ locale, messages: locale === "de" ? de : en, namespace: "errors" }) as unknown as Parameters<typeof fieldMessage>[0];
const issues = (schema: z.ZodType, value: unknown) => schema.safeParse(value, { reportInput: true }).error!.issues;

describe("the action wrapper's input", () => {
  it("hands the schema repeated form keys as arrays and files as files", () => {
    const data = new FormData();
    data.append("$ACTION_ID_abc", "");
    data.append("title", "Sprachkurse");
    data.append("groups", "a");
    data.append("groups", "b");
    data.append("upload", new File(["PK…"], "kapitel-3.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
    data.append("empty", new File([], ""));
    const input = inputOf([null, data]) as Record<string, unknown>;
    expect(Object.keys(input).sort()).toEqual(["groups", "title", "upload"]);
    expect(input.groups).toEqual(["a", "b"]);
    expect(input.upload).toBeInstanceOf(File);
    expect((input.upload as File).name).toBe("kapitel-3.docx");
    const schema = z.object({ title: z.string(), groups: z.array(z.string()), upload: z.instanceof(File) });
    expect(schema.safeParse(input).success).toBe(true);
  });

  it("passes a plain argument through", () => {
    expect(inputOf([{ a: 1 }])).toEqual({ a: 1 });
    expect(inputOf([])).toBeUndefined();
  });
});

describe("field messages", () => {
  const name = z.string().trim().min(2).max(120);
  const t = tr("de");
  it("say what is wrong with each field, in the person's language", () => {
    expect(fieldMessage(t, issues(name, "   ")[0]!)).toBe("Bitte ausfüllen.");
    expect(fieldMessage(t, issues(name, undefined)[0]!)).toBe("Bitte ausfüllen.");
    expect(fieldMessage(t, issues(name, "x")[0]!)).toBe("Bitte mindestens 2 Zeichen eingeben.");
    expect(fieldMessage(t, issues(name, "x".repeat(121))[0]!)).toBe("Bitte höchstens 120 Zeichen eingeben.");
    expect(fieldMessage(t, issues(z.email(), "a@b")[0]!)).toBe("Das ist keine E-Mail-Adresse (Beispiel: name@beispiel.de).");
    expect(fieldMessage(tr("en"), issues(name, "x".repeat(121))[0]!)).toBe("Please enter at most 120 characters.");
    const refined = z.object({ a: z.string(), b: z.string() }).refine((v) => v.a === v.b, { path: ["b"], message: "mismatch" });
    expect(fieldMessage(t, issues(refined, { a: "1", b: "2" })[0]!)).toBe("Die Passwörter stimmen nicht überein.");
  });

  it("translate the keys an action raises, never showing the raw key", () => {
    expect(fieldKeyMessage(t, "taken")).toBe("Das ist schon vergeben.");
    expect(fieldKeyMessage(t, "kreistag")).toBe("Mitglieder des Kreistags gehören zur Gruppe Kreistag.");
    expect(fieldKeyMessage(t, "no-such-key")).toBe("Diese Angabe ist ungültig.");
  });
});

describe("refusals", () => {
  it("name the window when participation is closed", () => {
    const closesAt = new Date("2027-01-07T02:52:00Z");
    const decision = decide({ id: "u", role: "stakeholder" }, "edition.participate", { phase: "consultation", opensAt: new Date("2026-11-19T02:52:00Z"), closesAt }, new Date("2027-02-01T00:00:00Z"));
    expect(decision.ok).toBe(false);
    const format = createFormatter({ locale: "de", timeZone: "Europe/Berlin" });
    expect(refusalMessage(tr("de"), format, decision as Exclude<typeof decision, { ok: true }>)).toBe("Die Beteiligung endete am 7. Januar 2027 um 03:52 Uhr.");
    const formatEn = createFormatter({ locale: "en", timeZone: "Europe/Berlin" });
    expect(refusalMessage(tr("en"), formatEn, decision as Exclude<typeof decision, { ok: true }>)).toBe("Participation closed on January 7, 2027 at 3:52 AM.");
  });

  it("say how long to wait when over a rate limit", () => {
    expect(waitText(tr("de"), 42)).toBe("42 Sekunden");
    expect(waitText(tr("de"), 1)).toBe("1 Sekunde");
    expect(waitText(tr("de"), 600)).toBe("10 Minuten");
    expect(waitText(tr("en"), 42)).toBe("42 seconds");
  });
});
