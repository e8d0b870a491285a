import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import { MarkReadButton } from "@/components/notifications/mark-read";
import { requirePage } from "@/server/auth/guards";
import { listNotifications } from "@/server/notifications/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

/** One's notifications, newest first, in one's language; unread ones marked, with mark-read (one and all). */
export default async function NotificationsPage() {
  const user = (await requirePage("notification.manage", null, "/notifications"))!;
  const locale = (await getLocale()) === "en" ? "en" : "de";
  const items = await listNotifications(await getDatabase(), { userId: user.id, locale });
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const unread = items.filter((i) => !i.read).length;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  return (
    <div className="page page--narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>
        <Link href="/account#notifications">{t("settingsLink")}</Link>
      </p>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <div className="notifications-head">
            <p>{t("unreadCount", { count: unread })}</p>
            {unread > 0 && <MarkReadButton />}
          </div>
          <ul className="notification-list" aria-label={t("listLabel")}>
            {items.map((n) => (
              <li key={n.id} className={n.read ? "notification" : "notification notification--unread"}>
                <p className="notification__title">
                  {!n.read && <span className="badge badge--info">{t("unread")}</span>} <Link href={n.href}>{n.title}</Link>
                </p>
                <p className="notification__text">{n.text}</p>
                <p className="notification__meta">
                  <time dateTime={n.createdAt.toISOString()}>{when(n.createdAt)}</time>
                </p>
                {!n.read && <MarkReadButton id={n.id} label={t("markReadLabel", { title: n.title, date: when(n.createdAt) })} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
