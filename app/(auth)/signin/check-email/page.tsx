import { getTranslations } from "next-intl/server";
import { DemoOutboxLink } from "@/components/layout/demo-outbox-link";

export async function generateMetadata() {
  const t = await getTranslations("signIn");
  return { title: t("checkTitle") };
}

/** Shown after every magic-link request, whether or not the address has an account. */
export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  return (
    <div className="page page--narrow">
      <h1>{t("checkTitle")}</h1>
      <p>{t("checkText")}</p>
      <DemoOutboxLink />
    </div>
  );
}
