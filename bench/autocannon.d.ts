// autocannon ships no types; the little of its API bench/api.ts uses.
declare module "autocannon" {
  interface Histogram {
    p50: number;
    p99: number;
    average: number;
    max: number;
  }
  interface RequestSpec {
    method?: string;
    path?: string;
    setupRequest?: (req: { path: string }) => { path: string };
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    requests?: RequestSpec[];
  }
  interface Result {
    latency: Histogram;
    requests: Histogram & { total: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
