// Weights, delegate takes, subnet identities and hyperparameter changes: the change history an explorer shows.
import type { DecodedExtrinsic, JsonValue } from "../decode";
import type { Projection, Row } from "./types";
import { arg, eventsOf, extrinsicOf, int, str, timestampOf } from "./types";

export const weightsSet: Projection = {
  table: "weights_set",
  key: ["block_number", "event_index"],
  columns: [
    { name: "block_number", type: "int" },
    { name: "event_index", type: "int" },
    { name: "extrinsic_index", type: "int" },
    { name: "timestamp", type: "timestamptz" },
    { name: "netuid", type: "int" },
    { name: "uid", type: "int" },
    { name: "hotkey", type: "text" },
  ],
  rows(block) {
    return eventsOf(block, "subtensorModule", ["WeightsSet"]).map((e) => [
      block.header.number,
      e.index,
      e.extrinsicIndex,
      timestampOf(block),
      int(arg(e.args, 0, "netuid")),
      int(arg(e.args, 1, "uid")),
      extrinsicOf(block, e)?.signer ?? null,
    ]);
  },
};

const TAKE_EVENTS: Record<string, string> = {
  DelegateAdded: "delegate",
  TakeIncreased: "increase",
  TakeDecreased: "decrease",
  ChildKeyTakeSet: "childkey",
};

/** Takes are u16 fractions of 65535, stored as the raw u16 (exact); the API shows take / 65535. */
export const takeChanges: Projection = {
  table: "take_changes",
  key: ["block_number", "event_index"],
  columns: [
    { name: "block_number", type: "int" },
    { name: "event_index", type: "int" },
    { name: "extrinsic_index", type: "int" },
    { name: "timestamp", type: "timestamptz" },
    { name: "kind", type: "text" },
    { name: "coldkey", type: "text" },
    { name: "hotkey", type: "text" },
    { name: "take", type: "int" },
  ],
  rows(block) {
    return eventsOf(block, "subtensorModule", Object.keys(TAKE_EVENTS)).map((e) => {
      const childkey = e.method === "ChildKeyTakeSet";
      return [
        block.header.number,
        e.index,
        e.extrinsicIndex,
        timestampOf(block),
        TAKE_EVENTS[e.method!]!,
        childkey ? null : str(arg(e.args, 0, "coldkey")),
        str(arg(e.args, childkey ? 0 : 1, "hotkey")),
        int(arg(e.args, childkey ? 1 : 2, "take")),
      ];
    });
  },
};

/** Identity fields are byte strings (hex in exact JSON); shown as text when they are valid UTF-8. */
export function bytesAsText(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(bytesAsText);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bytesAsText(v)]));
  }
  if (typeof value === "string" && /^0x([0-9a-f]{2})*$/i.test(value)) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(value.slice(2), "hex"));
    } catch {
      return value;
    }
  }
  return value;
}

/** SubnetIdentitySet carries only the netuid; the identity itself comes from the call that set it. */
export const identityChanges: Projection = {
  table: "subnet_identity_changes",
  key: ["block_number", "event_index"],
  columns: [
    { name: "block_number", type: "int" },
    { name: "event_index", type: "int" },
    { name: "extrinsic_index", type: "int" },
    { name: "timestamp", type: "timestamptz" },
    { name: "netuid", type: "int" },
    { name: "identity", type: "jsonb" },
  ],
  rows(block) {
    return eventsOf(block, "subtensorModule", ["SubnetIdentitySet"]).map((e) => {
      const netuid = int(arg(e.args, 0, "netuid"));
      const x = extrinsicOf(block, e);
      const call = x
        ? calls(x).find((c) => /^(setSubnetIdentity|registerNetworkWithIdentity)$/.test(c.method))
        : undefined;
      const identity = call
        ? call.method === "setSubnetIdentity"
          ? call.args
          : arg(call.args, 1, "identity")
        : null;
      return [
        block.header.number,
        e.index,
        e.extrinsicIndex,
        timestampOf(block),
        netuid,
        identity === null ? null : JSON.stringify(bytesAsText(identity)),
      ];
    });
  },
};

interface FlatCall {
  section: string;
  method: string;
  args: JsonValue;
}

/** The extrinsic's call and every call nested in sudo/utility wrappers, depth first. */
export function calls(x: DecodedExtrinsic): FlatCall[] {
  const out: FlatCall[] = [];
  const visit = (c: JsonValue) => {
    if (!c || typeof c !== "object" || Array.isArray(c)) return;
    const { section, method, args } = c as { section?: string; method?: string; args?: JsonValue };
    if (typeof section !== "string" || typeof method !== "string") return;
    out.push({ section, method, args: args ?? null });
    if (args && typeof args === "object" && !Array.isArray(args)) {
      for (const [k, v] of Object.entries(args)) {
        if (k === "call") visit(v);
        if (k === "calls" && Array.isArray(v)) v.forEach(visit);
      }
    }
  };
  if (x.section && x.method) visit({ section: x.section, method: x.method, args: x.args });
  return out;
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, "");
}

/**
 * Successful AdminUtils `sudo_set_*` calls (direct or inside sudo/batch): one row per parameter set, with the
 * parameter named after the call (`sudo_set_tempo` → `tempo`) and its value as JSON.
 */
export const hyperparameterChanges: Projection = {
  table: "hyperparameter_changes",
  key: ["block_number", "extrinsic_index", "call_index"],
  columns: [
    { name: "block_number", type: "int" },
    { name: "extrinsic_index", type: "int" },
    { name: "call_index", type: "int" },
    { name: "timestamp", type: "timestamptz" },
    { name: "netuid", type: "int" },
    { name: "name", type: "text" },
    { name: "value", type: "jsonb" },
  ],
  rows(block) {
    const rows: Row[] = [];
    for (const x of block.extrinsics) {
      if (x.success !== true) continue;
      calls(x).forEach((c, i) => {
        if (c.section !== "adminUtils" || !c.method.startsWith("sudoSet")) return;
        const args =
          c.args && typeof c.args === "object" && !Array.isArray(c.args)
            ? { ...(c.args as Record<string, JsonValue>) }
            : {};
        const netuid = int(args.netuid ?? null);
        delete args.netuid;
        const values = Object.values(args);
        const value = values.length === 1 ? values[0]! : args;
        rows.push([
          block.header.number,
          x.index,
          i,
          timestampOf(block),
          netuid,
          snake(c.method.slice("sudoSet".length)),
          JSON.stringify(value),
        ]);
      });
    }
    return rows;
  },
};
