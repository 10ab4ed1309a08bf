// Canonical structural description of a type in a PortableRegistry, used to compare our metadata with
// Finney's. Paths and field names count; generic params, typeName and docs do not. Open-ended enums (the
// runtime's outer enums and pallet Call/Event/Error) print as their path only, because we implement a
// subset of their variants; compare those variant by variant.
import type { PortableRegistry } from "@polkadot/types";
import type { Si1Field } from "@polkadot/types/interfaces";

const OPEN_ENUM = /::(RuntimeCall|RuntimeEvent|RuntimeError|OriginCaller)$|::pallet::(Call|Event|Error)$/;

export function typeShape(lookup: PortableRegistry, id: number): string {
  const stack = new Set<number>();
  const fields = (fs: Si1Field[]): string => {
    if (fs.length === 0) return "";
    if (fs.every((f) => f.name.isSome)) {
      return `{${fs.map((f) => `${f.name.unwrap().toString()}:${go(f.type.toNumber())}`).join(",")}}`;
    }
    return `(${fs.map((f) => go(f.type.toNumber())).join(",")})`;
  };
  const go = (tid: number): string => {
    const t = lookup.getSiType(tid);
    const path = t.path.map((p) => p.toString()).join("::");
    if (path && OPEN_ENUM.test(path)) return path;
    if (stack.has(tid)) return `${path}^`;
    stack.add(tid);
    try {
      const d = t.def;
      if (d.isPrimitive) return d.asPrimitive.type.toLowerCase();
      if (d.isCompact) return `Compact<${go(d.asCompact.type.toNumber())}>`;
      if (d.isSequence) return `Vec<${go(d.asSequence.type.toNumber())}>`;
      if (d.isArray) return `[${go(d.asArray.type.toNumber())};${d.asArray.len.toNumber()}]`;
      if (d.isTuple) return `(${d.asTuple.map((x) => go(x.toNumber())).join(",")})`;
      if (d.isBitSequence) {
        return `BitVec<${go(d.asBitSequence.bitStoreType.toNumber())},${go(d.asBitSequence.bitOrderType.toNumber())}>`;
      }
      if (d.isComposite) return `${path}${fields(d.asComposite.fields)}`;
      if (d.isVariant) {
        const vs = [...d.asVariant.variants]
          .sort((a, b) => a.index.toNumber() - b.index.toNumber())
          .map((v) => `${v.index.toNumber()}:${v.name.toString()}${fields(v.fields)}`);
        return `${path}[${vs.join("|")}]`;
      }
      if (d.isHistoricMetaCompat) return `compat:${d.asHistoricMetaCompat.toString()}`;
      throw new Error(`unknown type def ${d.type}`);
    } finally {
      stack.delete(tid);
    }
  };
  return go(id);
}
