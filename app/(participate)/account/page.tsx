import { getLocale, getTranslations } from "next-intl/server";
import { getDatabase } from "@/db/client";
import Link from "next/link";
import { NotificationSettingsForm } from "@/components/notifications/settings-form";
import { ProfileForm } from "@/components/users/profile-form";
import { getNotificationFrequency } from "@/server/notifications/queries";
import { requirePage } from "@/server/auth/guards";
import { getProfile } from "@/server/users/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const user = (await requirePage("account.view", null, "/account"))!;
  const profile = await getProfile(await getDatabase(), { userId: user.id });
  const t = await getTranslations("account");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  if (!profile) return null;
  return (
    <div className="page page--narrow">
      <h1>{t("title")}</h1>
      <dl className="facts">
        <div>
          <dt>{t("email")}</dt>
          <dd>{profile.email}</dd>
        </div>
        <div>
          <dt>{t("role")}</dt>
          <dd>{tr(user.role)}</dd>
        </div>
        <div>
          <dt>{t("group")}</dt>
          <dd>{locale === "en" ? profile.groupNameEn : profile.groupNameDe}</dd>
        </div>
        <div>
          <dt>{t("organisation")}</dt>
          <dd>{profile.organisation ?? t("noOrganisation")}</dd>
        </div>
      </dl>
      <h2>{t("profileHeading")}</h2>
      <ProfileForm name={profile.name} displayMode={profile.displayMode} />
      <h2 id="notifications">{(await getTranslations("notifications.settings"))("title")}</h2>
      <NotificationSettingsForm frequency={await getNotificationFrequency(await getDatabase(), { userId: user.id })} />
      <h2>{(await getTranslations("contributions"))("title")}</h2>
      <p>
        <Link href="/contributions">{(await getTranslations("contributions"))("intro")}</Link>
      </p>
    </div>
  );
}
