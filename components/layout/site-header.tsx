import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { navigationFor } from "@/server/navigation";
import { actorOf } from "@/server/permissions";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "../auth/sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const t = await getTranslations("layout");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const items = navigationFor(actorOf(user));
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__name">{t("brand")}</span>
          <span className="brand__plan">{t("plan")}</span>
        </Link>
        <nav aria-label={t("mainNavigation")}>
          <NavLinks items={items.map((i) => ({ href: i.href, label: t(`nav.${i.label}`) }))} />
        </nav>
        <div className="site-header__tools">
          <LanguageSwitch current={locale === "en" ? "en" : "de"} />
          {user ? (
            <div className="user-box">
              <span>
                {t("signedInAs", { name: user.name })} <span className="badge">{tr(user.role)}</span>
              </span>
              <SignOutButton />
            </div>
          ) : (
            <Link className="button button--secondary" href="/signin">
              {t("nav.signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
