/** A short state label (phase, role, status). The tone only adds colour; the text says it all. */
export function Badge({ tone = "neutral", children }: { tone?: "neutral" | "ok" | "info" | "warning" | "error" | string; children: React.ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
