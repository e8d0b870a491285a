import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { sessionPolicy } from "@/server/auth/session-policy";
import { IdleSessionDialogLazy } from "./idle-session-lazy";

/** Mounted once in the root layout: the idle-session warning, for signed-in people only. */
export async function IdleSession() {
  if (!(await getCurrentUser())) return null;
  const t = await getTranslations("idleSession");
  const minutes = sessionPolicy.warningSeconds / 60;
  return (
    <IdleSessionDialogLazy
      texts={{
        title: t("title"),
        warning: t("warning", { idle: (sessionPolicy.idleSeconds - sessionPolicy.warningSeconds) / 60, minutes }),
        absoluteWarning: t("absoluteWarning", { hours: sessionPolicy.absoluteSeconds / 3600, minutes }),
        stay: t("stay"),
        signOut: t("signOut"),
        expiredTitle: t("expiredTitle"),
        expiredText: t("expiredText", { idle: sessionPolicy.idleSeconds / 60 }),
        signInAgain: t("signInAgain"),
        close: t("close"),
      }}
    />
  );
}
