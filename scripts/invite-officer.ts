/**
 * Bootstraps a fresh installation: creates an officer account with an invitation link (printed, and
 * queued as a mail). `npm run invite:officer -- email@county.example "Full Name"`.
 * Accounts otherwise come only from invitations made by an officer in the app.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import { auditLog, invitations, stakeholderGroups, users } from "../db/schema";
import { invitationMail } from "../server/mail/templates";
import { enqueueMail } from "../server/mail/outbox";
import { emailIs } from "../server/users/email";
import { hashToken, newToken } from "../server/users/tokens";
import { openForScript } from "./lib-db";

async function main() {
  const [email, name] = process.argv.slice(2);
  const input = z.object({ email: z.email(), name: z.string().min(2) }).safeParse({ email: email?.toLowerCase(), name });
  if (!input.success) throw new Error('Usage: npm run invite:officer -- email@example.org "Full Name"');
  const base = process.env.NEXTAUTH_URL;
  if (!base) throw new Error("Set NEXTAUTH_URL to the address people use, so the link points there.");
  const handle = await openForScript();
  try {
    const token = newToken();
    await handle.db.transaction(async (tx) => {
      const [group] = await tx.select({ id: stakeholderGroups.id }).from(stakeholderGroups).where(eq(stakeholderGroups.key, "institutionen"));
      if (!group) throw new Error("The database has no stakeholder groups yet: run npm run db:seed first.");
      const [existing] = await tx.select({ id: users.id }).from(users).where(emailIs(input.data.email));
      if (existing) throw new Error(`There is already an account for ${input.data.email}.`);
      const [user] = await tx.insert(users).values({ email: input.data.email, name: input.data.name, role: "officer", groupId: group.id }).returning({ id: users.id });
      await tx.insert(invitations).values({ userId: user!.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 14 * 86_400_000) });
      const url = `${base.replace(/\/$/, "")}/invitation/${token}`;
      await enqueueMail(tx, invitationMail({ to: input.data.email, url, name: input.data.name, inviter: "Planwerk", locale: "de" }));
      await tx.insert(auditLog).values({ action: "user.invite", targetType: "user", targetId: user!.id, data: { role: "officer", via: "script" } });
      console.log(`Officer account created. Invitation link (valid 14 days):\n${url}`);
    });
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
