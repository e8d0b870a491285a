import { ClientMessages } from "@/components/layout/client-messages";

/** Sign-in and invitation pages: their forms' messages. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["signIn", "invitation"]}>{children}</ClientMessages>;
}
