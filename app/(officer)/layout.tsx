import { ClientMessages } from "@/components/layout/client-messages";

/** The officer's administration: the messages of its forms and editors. */
export default function OfficerLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["users", "registry", "editionsAdmin", "editor", "account", "notifications"]}>{children}</ClientMessages>;
}
