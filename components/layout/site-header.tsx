import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/session";
import { navigationFor } from "@/server/navigation";
import { actorOf } from "@/server/permissions";
import { NotificationBell } from "../notifications/bell";
import { MenuDisclosure } from "../ui/menu";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "../auth/sign-out-button";

/**
 * The dark header. Wide screens: brand, navigation, language and account in one row. Narrow
 * screens: brand and a menu button; navigation, language and account open behind it.
 */
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
        {user && <NotificationBell />}
        <MenuDisclosure label={t("menu")} className="site-header__panel">
          <nav aria-label={t("mainNavigation")}>
            <NavLinks
              groupLabel={t("adminGroup")}
              // The officer's administration pages (under /admin, and the outbox) form one group.
              items={items.map((i) => ({ href: i.href, label: t(`nav.${i.label}`), group: i.href.startsWith("/admin/") || i.href === "/outbox" ? ("admin" as const) : undefined }))}
            />
          </nav>
          <div className="site-header__tools">
            <LanguageSwitch current={locale === "en" ? "en" : "de"} />
            {user ? (
              <div className="user-box">
                <p className="user-box__who">
                  <span className="user-box__name" title={user.name}>
                    {t("signedInAs", { name: user.name })}
                  </span>{" "}
                  <span className="badge badge--on-dark">{tr(user.role)}</span>
                </p>
                <SignOutButton />
              </div>
            ) : (
              <Link className="button button--on-dark" href="/signin">
                {t("nav.signIn")}
              </Link>
            )}
          </div>
        </MenuDisclosure>
      </div>
    </header>
  );
}
