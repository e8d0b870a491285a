import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { IdleSession } from "@/components/auth/idle-session";
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

const clientNamespaces = ["layout", "roles", "signIn", "account", "users", "invitation", "serverError", "forms", "reports", "notifications", "proposals", "comments", "editionsAdmin", "editor", "registry"] as const;

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("layout");
  const messages = await getMessages();
  // Client components need only these namespaces; the rest stays on the server.
  const clientMessages = Object.fromEntries(clientNamespaces.map((n) => [n, messages[n]]));
  return (
    <html lang={locale} className={`${sans.variable} ${sansExt.variable}`}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={clientMessages}>
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
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
