import { describe, expect, it } from "vitest";
import { alwaysRefused, audiences, can, consultationOpen, permissions, type Action } from "@/server/permissions";

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

  it("lets people change only their own profile", () => {
    expect(can(actor("stakeholder"), "profile.update", { userId: "stakeholder-id" })).toBe(true);
    expect(can(actor("stakeholder"), "profile.update", { userId: "other" })).toBe(false);
    expect(can(null, "profile.update", { userId: "" })).toBe(false);
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
});
