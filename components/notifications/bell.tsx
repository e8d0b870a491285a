import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getUnreadNotificationCount } from "@/server/auth/session";

/**
 * The header's bell: a link to the notifications with the unread count, said in words to screen
 * readers. The count comes with the session's statement (no query of its own on every page).
 */
export async function NotificationBell() {
  const unread = await getUnreadNotificationCount();
  const t = await getTranslations("notifications");
  return (
    <Link href="/notifications" className="notification-bell" aria-label={t("bell", { count: unread })}>
      <svg className="notification-bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
