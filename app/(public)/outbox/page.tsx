import { getFormatter, getTranslations } from "next-intl/server";
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
        <div className="table-scroll" role="region" aria-label={t("title")} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("created")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("status")}</th>
                {demo && <th scope="col">{t("link")}</th>}
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td>{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td>{m.toAddress}</td>
                  <td>{m.subject}</td>
                  <td>{m.sentAt ? t("sent") : m.failedAt ? t("failed") : t("pending", { attempts: m.attempts })}</td>
                  {demo && <td>{m.link && <a href={m.link}>{t("openLink", { subject: m.subject, to: m.toAddress })}</a>}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
