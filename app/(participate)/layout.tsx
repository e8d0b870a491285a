import { ClientMessages } from "@/components/layout/client-messages";

/** Account, notifications, contributions: their forms' messages. */
export default function ParticipateLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["account", "notifications", "users", "proposals", "comments", "reports"]}>{children}</ClientMessages>;
}
