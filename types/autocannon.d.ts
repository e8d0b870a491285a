// autocannon ships no types and @types/autocannon lags behind 8.x: only what scripts/bench uses.
declare module "autocannon" {
  type Histogram = { average: number; total: number; p50: number; p97_5: number; p99: number };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    requests?: Record<string, unknown>[];
  };
  type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
