import { ClientMessages } from "@/components/layout/client-messages";

/** Proposals: the messages of the proposal form, votes, withdrawal, comments and reports. */
export default function ProposalsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["proposals", "comments", "reports"]}>{children}</ClientMessages>;
}
