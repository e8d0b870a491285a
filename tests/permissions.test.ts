import { describe, expect, it } from "vitest";
import { alwaysRefused, audiences, can, conditionallyRefused, consultationOpen, decide, permissions, readableTextAsOf, type Action } from "@/server/permissions";

const now = new Date("2026-11-26T12:00:00Z");
const day = 86_400_000;
const edition = (phase: "draft" | "consultation" | "adopted", opensAt = new Date(now.getTime() - day), closesAt = new Date(now.getTime() + day)) => ({ phase, opensAt, closesAt });
const actor = (role: "officer" | "council" | "stakeholder", id = `${role}-id`) => ({ id, role });

describe("permission table", () => {
  it("has a rule for every audience of every action", () => {
    for (const action of Object.keys(permissions) as Action[]) {
      for (const audience of audiences) expect(typeof permissions[action][audience], `${action}/${audience}`).toMatch(/boolean|function/);
    }
  });

  it("lets only the officer manage people, never themself", () => {
    expect(can(actor("officer"), "user.manage", { userId: "someone" })).toBe(true);
    expect(can(actor("officer"), "user.manage", { userId: "officer-id" })).toBe(false);
    for (const a of [null, actor("council"), actor("stakeholder")]) expect(can(a, "user.manage", { userId: "someone" })).toBe(false);
    expect(alwaysRefused("user.manage")).toEqual(["public", "stakeholder", "council"]);
    expect(alwaysRefused("user.invite")).toEqual(["public", "stakeholder", "council"]);
  });

  it("lets signed-in people change their profile (always their own: the action takes no id)", () => {
    for (const role of ["stakeholder", "council", "officer"] as const) expect(can(actor(role), "profile.update", null)).toBe(true);
    expect(decide(null, "profile.update", null)).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("says why it refuses: another person's account, or a consultation that is not open", () => {
    expect(decide(actor("officer"), "user.manage", { userId: "officer-id" })).toEqual({ ok: false, code: "forbidden", reason: "self" });
    expect(decide(actor("council"), "user.manage", { userId: "x" })).toEqual({ ok: false, code: "forbidden", reason: "forbidden" });
    const closesAt = new Date(now.getTime() - day);
    expect(decide(actor("stakeholder"), "edition.participate", edition("consultation", new Date(now.getTime() - 3 * day), closesAt), now)).toEqual({
      ok: false,
      code: "closed",
      reason: "closedEnded",
      values: { date: closesAt },
    });
    const opensAt = new Date(now.getTime() + day);
    expect(decide(actor("stakeholder"), "edition.participate", edition("consultation", opensAt, new Date(now.getTime() + 3 * day)), now)).toMatchObject({ code: "closed", reason: "closedNotYet" });
    expect(decide(actor("council"), "edition.participate", edition("adopted"), now)).toMatchObject({ code: "closed", reason: "closedPhase" });
    expect(decide(null, "edition.participate", edition("consultation"), now)).toMatchObject({ code: "unauthenticated" });
  });

  it("names the audiences whose rule can refuse, so each gets a declared refusal case", () => {
    expect(conditionallyRefused("user.manage")).toEqual(["officer"]);
    expect(conditionallyRefused("edition.participate")).toEqual(["stakeholder", "council", "officer"]);
    expect(conditionallyRefused("locale.set")).toEqual([]);
  });

  it("hides a draft edition from everyone but the officer", () => {
    for (const a of [null, actor("stakeholder"), actor("council")]) {
      expect(can(a, "edition.read", edition("draft"))).toBe(false);
      expect(can(a, "edition.read", edition("consultation"))).toBe(true);
      expect(can(a, "edition.read", edition("adopted"))).toBe(true);
    }
    expect(can(actor("officer"), "edition.read", edition("draft"))).toBe(true);
  });

  it("allows participation only inside the consultation window, and never to the public", () => {
    const open = edition("consultation");
    expect(can(actor("stakeholder"), "edition.participate", open, now)).toBe(true);
    expect(can(actor("council"), "edition.participate", open, now)).toBe(true);
    expect(can(null, "edition.participate", open, now)).toBe(false);
    const closed = edition("consultation", new Date(now.getTime() - 3 * day), new Date(now.getTime() - day));
    const notYet = edition("consultation", new Date(now.getTime() + day), new Date(now.getTime() + 3 * day));
    for (const e of [closed, notYet, edition("adopted"), edition("draft")]) expect(can(actor("stakeholder"), "edition.participate", e, now)).toBe(false);
    expect(consultationOpen({ ...open, closesAt: now }, now)).toBe(false);
  });

  it("shows the outbox to everyone in demo mode and only to the officer otherwise", () => {
    expect(can(null, "outbox.view", { demo: true })).toBe(true);
    expect(can(null, "outbox.view", { demo: false })).toBe(false);
    expect(can(actor("stakeholder"), "outbox.view", { demo: false })).toBe(false);
    expect(can(actor("officer"), "outbox.view", { demo: false })).toBe(true);
  });

  it("gives each audience the text the phase allows: the working text, or the text at the window's end", () => {
    const closesAt = new Date(now.getTime() - day);
    const at = (phase: "consultation" | "consolidation" | "council_review" | "adopted") => ({ phase, opensAt: new Date(now.getTime() - 9 * day), closesAt });
    for (const phase of ["consultation", "adopted"] as const) for (const a of [null, actor("stakeholder"), actor("council"), actor("officer")]) expect(readableTextAsOf(a, at(phase))).toBeNull();
    for (const a of [null, actor("stakeholder"), actor("council")]) expect(readableTextAsOf(a, at("consolidation"))).toEqual(closesAt);
    for (const a of [null, actor("stakeholder")]) expect(readableTextAsOf(a, at("council_review"))).toEqual(closesAt);
    expect(readableTextAsOf(actor("council"), at("council_review"))).toBeNull();
    expect(readableTextAsOf(actor("officer"), at("consolidation"))).toBeNull();
    expect(readableTextAsOf(actor("officer"), at("council_review"))).toBeNull();
  });
});
