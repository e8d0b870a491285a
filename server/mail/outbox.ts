import type { DbOrTx } from "@/db/client";
import { mailOutbox } from "@/db/schema";

/** `link` is the one secret link the mail carries, if any; it is erased once sent or when `linkExpiresAt` passes. */
export type OutgoingMail = { kind: string; to: string; subject: string; text: string; link?: string; linkExpiresAt?: Date };

/**
 * Queue a mail in the caller's transaction: it is sent only if the change that caused it commits.
 * `bulk` (announcements to everyone, digests) goes after the mails a person is waiting for, so a
 * sign-in link never queues behind a mailing to hundreds.
 */
export async function enqueueMail(tx: DbOrTx, mail: OutgoingMail, { bulk = false }: { bulk?: boolean } = {}): Promise<void> {
  await tx.insert(mailOutbox).values({
    priority: bulk ? 1 : 0,
    kind: mail.kind,
    toAddress: mail.to,
    subject: mail.subject,
    textBody: mail.text,
    link: mail.link ?? null,
    linkExpiresAt: mail.link ? (mail.linkExpiresAt ?? null) : null,
  });
}
