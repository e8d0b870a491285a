import { eq } from "drizzle-orm";
import { stakeholderGroups } from "@/db/schema";
import { createUser, db } from "../../../support/factories";
import type { ActionCases } from "./types";

const self = "Das können Sie nicht für sich selbst tun.";

/** The foundation's actions: language, profile, people, invitations, accessibility feedback. */
export const coreCases: ActionCases = {
  "locale.set": { valid: async () => ({ locale: "en" }) },
  "profile.update": { valid: async () => ({ name: "Umbenannt", displayMode: "private" }) },
  "user.invite": {
    valid: async () => {
      const [g] = await db().select({ id: stakeholderGroups.id }).from(stakeholderGroups).where(eq(stakeholderGroups.key, "ehrenamt"));
      return { email: `refused-${Date.now()}@e2e.example`, name: "Nicht Eingeladen", role: "stakeholder", groupId: g!.id };
    },
  },
  "user.setActive": {
    valid: async () => ({ userId: (await createUser({ role: "stakeholder" })).id, active: false }),
    refused: { officer: [{ what: "the officer's own account", input: async (me) => ({ userId: me.id, active: false }), code: "forbidden", message: self }] },
  },
  "user.setRole": {
    valid: async () => ({ userId: (await createUser({ role: "stakeholder" })).id, role: "officer" }),
    refused: { officer: [{ what: "the officer's own account", input: async (me) => ({ userId: me.id, role: "stakeholder" }), code: "forbidden", message: self }] },
  },
  "invitation.accept": { valid: async () => ({ token: "x".repeat(43), password: "passwort-123", passwordRepeat: "passwort-123", terms: "on" }) },
  "accessibility.feedback": { valid: async () => ({ message: "Der Kontrast der Tabelle ist zu schwach." }) },
};
