/**
 * Where app-wide client providers go. There are none at present: react-query's provider was here
 * and cost every page about 9 KB gzip of first-load JavaScript for two forms (components/ui/use-mutation.ts).
 */
export function Providers({ children }: { children: React.ReactNode }) {
  return <>{children}</>;
}
