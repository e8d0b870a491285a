import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { stakeholderGroups } from "@/db/schema";
import { createUser, db } from "../../../support/factories";
import { createInvitedPerson, createOrganisation, germanExcelCsv } from "../../../support/people-factories";
import type { ActionCases } from "./types";

const self = "Das können Sie nicht für sich selbst tun.";
const groupId = async (key: string) => (await db().select({ id: stakeholderGroups.id }).from(stakeholderGroups).where(eq(stakeholderGroups.key, key)))[0]!.id;

/** The officer's people work: import, invitations, bulk actions, groups and organisations. */
export const peopleCases: ActionCases = {
  "user.import": {
    // A direct caller sends the file as name and base64 (JSON cannot carry a File).
    valid: async () => ({
      file: {
        name: "liste.csv",
        base64: germanExcelCsv([
          ["E-Mail", "Name", "Gruppe"],
          [`import-${crypto.randomBytes(4).toString("hex")}@e2e.example`, "Jörg Nichteingeladen", "Ehrenamtlich Engagierte"],
        ]).toString("base64"),
      },
    }),
  },
  "invitation.resend": {
    valid: async () => ({ userId: (await createInvitedPerson()).id }),
    refused: { officer: [{ what: "the officer's own account", input: async (me) => ({ userId: me.id }), code: "forbidden", message: self }] },
  },
  "invitation.revoke": {
    valid: async () => ({ userId: (await createInvitedPerson()).id }),
    refused: { officer: [{ what: "the officer's own account", input: async (me) => ({ userId: me.id }), code: "forbidden", message: self }] },
  },
  "users.bulk": { valid: async () => ({ operation: "deactivate", userIds: [(await createUser({ role: "stakeholder" })).id] }) },
  "group.save": { valid: async () => ({ nameDe: `Gruppe ${crypto.randomBytes(3).toString("hex")}`, nameEn: "Group" }) },
  "organisation.save": { valid: async () => ({ name: `Verein ${crypto.randomBytes(3).toString("hex")}`, groupId: await groupId("traeger") }) },
  "organisation.delete": { valid: async () => ({ id: (await createOrganisation()).id }) },
};
