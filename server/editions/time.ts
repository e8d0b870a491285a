/** The county's clock: the officer enters and reads the window in German local time. */
export const ZONE = "Europe/Berlin";

function offsetAt(utcMs: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** "2027-03-01T09:00" (a datetime-local value) in Berlin time as an instant; null if it is no such value. */
export function berlinLocalToDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const local = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let utc = local - offsetAt(local);
  utc = local - offsetAt(utc);
  const d = new Date(utc);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as a datetime-local value in Berlin time (for the form's default). */
export function dateToBerlinLocal(d: Date | null): string {
  if (!d) return "";
  const local = new Date(d.getTime() + offsetAt(d.getTime()));
  return local.toISOString().slice(0, 16);
}
