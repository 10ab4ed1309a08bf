// serve_axon / serve_prometheus: a registered hotkey publishes its endpoint (AxonInfo / PrometheusInfo),
// with the chain's IP/port checks and the per-subnet serving rate limit.
import type { CallDef } from "../../../node/runtime/pallet";
import { ensureSigned, weight } from "../../../node/runtime/pallet";
import type { EconomyEngine } from "../../engine";
import { big, deposit, type Env, envOf, fail, num } from "../context";
import { SM } from "../store";

interface Endpoint {
  netuid: number;
  version: number;
  ip: bigint;
  port: number;
  ipType: number;
}

function checkEndpoint(env: Env, hot: Uint8Array, e: Endpoint, item: "Axons" | "Prometheus"): bigint {
  const { st } = env;
  if (!st.subnetExists(e.netuid)) fail(env, "SubnetNotExists");
  if (!st.has(SM, "Uids", e.netuid, hot)) fail(env, "HotKeyNotRegisteredInNetwork");
  if (e.ipType !== 4 && e.ipType !== 6) fail(env, "InvalidIpType");
  if (e.ipType === 4 ? e.ip === 0n || e.ip >= 1n << 32n : e.ip === 0n) fail(env, "InvalidIpAddress");
  if (e.port === 0) fail(env, "InvalidPort");
  const prev = st.read(SM, item, e.netuid, hot)?.toJSON() as { block?: number } | null | undefined;
  const limit = st.big("ServingRateLimit", e.netuid);
  if (prev?.block !== undefined && limit > 0n && env.block - BigInt(prev.block) < limit)
    fail(env, "ServingRateLimitExceeded");
  return env.block;
}

export function servingCalls(engine: EconomyEngine): Record<string, CallDef> {
  return {
    serve_axon: {
      weight: weight(33_000_000, 6_000),
      handler: (ctx, origin, args) => {
        const env = envOf(ctx, engine);
        const hot = ensureSigned(origin);
        const e = {
          netuid: num(args[0]),
          version: num(args[1]),
          ip: big(args[2]),
          port: num(args[3]),
          ipType: num(args[4]),
        };
        const block = checkEndpoint(env, hot, e, "Axons");
        env.st.set("Axons", [e.netuid, hot], {
          block,
          version: e.version,
          ip: e.ip,
          port: e.port,
          ip_type: e.ipType,
          protocol: num(args[5]),
          placeholder1: num(args[6]),
          placeholder2: num(args[7]),
        });
        deposit(env, "AxonServed", [e.netuid, hot]);
      },
    },
    serve_prometheus: {
      weight: weight(31_000_000, 6_000),
      handler: (ctx, origin, args) => {
        const env = envOf(ctx, engine);
        const hot = ensureSigned(origin);
        const e = {
          netuid: num(args[0]),
          version: num(args[1]),
          ip: big(args[2]),
          port: num(args[3]),
          ipType: num(args[4]),
        };
        const block = checkEndpoint(env, hot, e, "Prometheus");
        env.st.set("Prometheus", [e.netuid, hot], {
          block,
          version: e.version,
          ip: e.ip,
          port: e.port,
          ip_type: e.ipType,
        });
        deposit(env, "PrometheusServed", [e.netuid, hot]);
      },
    },
  };
}
