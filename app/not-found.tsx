import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notFound");
  return { title: t("title") };
}

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="page page--narrow">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <Link href="/">{t("home")}</Link>
    </div>
  );
}
