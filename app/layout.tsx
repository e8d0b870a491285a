import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { IdleSession } from "@/components/auth/idle-session";
import { ClientMessages } from "@/components/layout/client-messages";
import { DemoNotice } from "@/components/layout/demo-notice";
import { RouteFocus } from "@/components/layout/route-focus";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { Providers } from "@/components/layout/providers";
import { sans, sansExt } from "./fonts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("title"), template: `%s · ${t("name")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("layout");
  return (
    <html lang={locale} className={`${sans.variable} ${sansExt.variable}`}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        {/* Only the layout's own namespaces here; each part of the app adds its own (ClientMessages). */}
        <ClientMessages namespaces={[]}>
          <Providers>
            <SiteHeader />
            <DemoNotice />
            <RouteFocus />
            <main id="main" tabIndex={-1}>
              {children}
            </main>
            <IdleSession />
            <SiteFooter />
          </Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
