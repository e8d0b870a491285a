import "server-only";

/**
 * A small least-recently-used cache of loads, with a cap on entries and on their total estimated
 * size (bounded memory). Written by hand — a Map keeps insertion order, so re-inserting on a hit
 * moves an entry to the end and the first key is the oldest — because lru-cache is not a direct
 * dependency and this is all the read caches need. It caches the promise from the start, so
 * concurrent misses for one key share one load; a load that fails is dropped and tried again.
 */
export class LoadCache<T> {
  private readonly map = new Map<string, { value: Promise<T>; size: number }>();
  private total = 0;
  /** Loads started (misses); tests read it to prove that a second read was served from the cache. */
  loads = 0;

  constructor(private readonly options: { maxEntries: number; maxSize?: number; sizeOf?: (value: T) => number }) {}

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  private put(key: string, value: Promise<T>, size: number): void {
    this.remove(key);
    this.map.set(key, { value, size });
    this.total += size;
    const maxSize = this.options.maxSize ?? Infinity;
    while (this.map.size > this.options.maxEntries || (this.total > maxSize && this.map.size > 1)) {
      this.remove(this.map.keys().next().value as string);
    }
  }

  private remove(key: string): void {
    const hit = this.map.get(key);
    if (!hit) return;
    this.total -= hit.size;
    this.map.delete(key);
  }

  /** The cached value for `key`, else the one `load()` gives (which is cached). */
  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit.value;
    }
    this.loads++;
    const pending = load();
    this.put(key, pending, 1);
    try {
      const value = await pending;
      // Now that its size is known, re-count it — unless it was evicted or replaced meanwhile.
      if (this.map.get(key)?.value === pending) this.put(key, pending, this.options.sizeOf?.(value) ?? 1);
      return value;
    } catch (e) {
      if (this.map.get(key)?.value === pending) this.remove(key);
      throw e;
    }
  }
}
