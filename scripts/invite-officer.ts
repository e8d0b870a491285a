/**
 * Bootstraps a fresh installation: creates an officer account with an invitation link (printed, and
 * queued as a mail). `npm run invite:officer -- email@county.example "Full Name"`.
 * Accounts otherwise come only from invitations made by an officer in the app.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { auditLog, stakeholderGroups } from "../db/schema";
import { ActionError } from "../server/actions/result";
import { createInvitation, INVITATION_DAYS } from "../server/users/invitations";
import { nameLength } from "../server/users/options";
import { openForScript } from "./lib-db";

async function main() {
  const [email, name] = process.argv.slice(2);
  const input = z.object({ email: z.email(), name: z.string().trim().min(nameLength.min).max(nameLength.max) }).safeParse({ email: email?.toLowerCase(), name });
  if (!input.success) throw new Error('Usage: npm run invite:officer -- email@example.org "Full Name"');
  const base = process.env.NEXTAUTH_URL;
  if (!base) throw new Error("Set NEXTAUTH_URL to the address people use, so the link points there.");
  const handle = await openForScript();
  try {
    await handle.db.transaction(async (tx) => {
      const [group] = await tx.select({ id: stakeholderGroups.id }).from(stakeholderGroups).where(eq(stakeholderGroups.key, "institutionen"));
      if (!group) throw new Error("The database has no stakeholder groups yet: run npm run db:seed first.");
      const { userId, url } = await createInvitation(tx, { ...input.data, role: "officer", groupId: group.id, invitedBy: null, baseUrl: base, locale: "de" }).catch((e: unknown) => {
        if (e instanceof ActionError && e.messageKey === "emailTaken") throw new Error(`There is already an account for ${input.data.email}.`);
        throw e;
      });
      await tx.insert(auditLog).values({ action: "user.invite", targetType: "user", targetId: userId, data: { role: "officer", via: "script" } });
      console.log(`Officer account created. Invitation link (valid ${INVITATION_DAYS} days):\n${url}`);
    });
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
