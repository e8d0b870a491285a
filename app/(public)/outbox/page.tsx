import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { getDatabase } from "@/db/client";
import { isDemo } from "@/server/env";
import { requirePage } from "@/server/auth/guards";
import { listOutbox } from "@/server/mail/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("outbox");
  return { title: t("title") };
}

/** Demo mode: everyone sees the mails with their links (there is no real mailbox). Otherwise the officer only, without links. */
export default async function OutboxPage() {
  const demo = isDemo();
  await requirePage("outbox.view", { demo }, "/outbox");
  const mails = await listOutbox(await getDatabase());
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p>{demo ? t("introDemo") : process.env.SMTP_URL ? t("introSmtp") : t("introNoSmtp")}</p>
      {mails.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          id="outbox"
          caption={t("title")}
          captionHidden
          rows={mails}
          rowKey={(m) => m.id}
          columns={[
            { key: "to", header: t("to"), rowHeader: true, cell: (m) => <span className="break-anywhere">{m.toAddress}</span> },
            { key: "subject", header: t("subject"), cell: (m) => m.subject },
            {
              key: "status",
              header: t("status"),
              cell: (m) => (m.sentAt ? <Badge tone="active">{t("sent")}</Badge> : m.failedAt ? <Badge tone="inactive">{t("failed")}</Badge> : <Badge tone="invited">{t("pending", { attempts: m.attempts })}</Badge>),
            },
            { key: "created", header: t("created"), cell: (m) => format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" }) },
            ...(demo
              ? [{ key: "link", header: t("link"), cell: (m: (typeof mails)[number]) => m.link && <a href={m.link}>{t("openLink", { subject: m.subject, to: m.toAddress })}</a> }]
              : []),
          ]}
        />
      )}
    </div>
  );
}
