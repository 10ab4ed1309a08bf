// Turns type expressions + named type declarations into scale-info PortableRegistry entries.
import type { FieldsDecl, NamedTypeDecl, TypeDecls, VariantDecl } from "./dsl";
import { formatTypeExpr, parseTypeExpr, type TypeExpr } from "./typeExpr";

interface PortableField {
  name: string | null;
  type: number;
  typeName: string | null;
  docs: string[];
}

type PortableDef =
  | { Composite: { fields: PortableField[] } }
  | { Variant: { variants: { name: string; fields: PortableField[]; index: number; docs: string[] }[] } }
  | { Sequence: { type: number } }
  | { Array: { len: number; type: number } }
  | { Tuple: number[] }
  | { Primitive: string }
  | { Compact: { type: number } };

export interface PortableType {
  id: number;
  type: {
    path: string[];
    params: { name: string; type: number | null }[];
    def: PortableDef;
    docs: string[];
  };
}

const PRIMITIVES: Record<string, string> = {
  bool: "Bool",
  char: "Char",
  str: "Str",
  u8: "U8",
  u16: "U16",
  u32: "U32",
  u64: "U64",
  u128: "U128",
  u256: "U256",
  i8: "I8",
  i16: "I16",
  i32: "I32",
  i64: "I64",
  i128: "I128",
  i256: "I256",
};

type Env = ReadonlyMap<string, TypeExpr>;

function substitute(e: TypeExpr, env: Env): TypeExpr {
  switch (e.kind) {
    case "number":
      return e;
    case "tuple":
      return { kind: "tuple", items: e.items.map((x) => substitute(x, env)) };
    case "array":
      return { kind: "array", item: substitute(e.item, env), len: e.len };
    case "named": {
      const bound = e.args.length === 0 ? env.get(e.name) : undefined;
      if (bound) return bound;
      return { kind: "named", name: e.name, args: e.args.map((x) => substitute(x, env)) };
    }
  }
}

/** Builds the type table in first-use order; identical expressions share one id. */
export class PortableRegistryBuilder {
  readonly #decls: TypeDecls;
  readonly #ids = new Map<string, number>();
  readonly #types: PortableType[] = [];

  constructor(decls: TypeDecls) {
    this.#decls = decls;
  }

  get types(): readonly PortableType[] {
    return this.#types;
  }

  /** Id of a type expression, adding it (and everything it refers to) on first use. */
  resolve(src: string | TypeExpr, env: Env = new Map()): number {
    let expr = substitute(typeof src === "string" ? parseTypeExpr(src) : src, env);
    for (let alias = this.#aliasOf(expr); alias; alias = this.#aliasOf(expr)) expr = parseTypeExpr(alias);
    const key = formatTypeExpr(expr);
    const known = this.#ids.get(key);
    if (known !== undefined) return known;
    const id = this.#types.length;
    this.#ids.set(key, id);
    // Reserve the slot first so recursive types (RuntimeCall inside utility.batch) resolve to this id.
    const slot: PortableType = { id, type: { path: [], params: [], def: { Tuple: [] }, docs: [] } };
    this.#types.push(slot);
    slot.type = this.#build(expr);
    return id;
  }

  #aliasOf(expr: TypeExpr): string | undefined {
    return expr.kind === "named" && expr.args.length === 0 ? this.#decls[expr.name]?.alias : undefined;
  }

  #build(expr: TypeExpr): PortableType["type"] {
    const bare = (def: PortableDef) => ({ path: [], params: [], def, docs: [] });
    switch (expr.kind) {
      case "number":
        throw new Error(`a number (${expr.value}) is not a type`);
      case "tuple":
        return bare({ Tuple: expr.items.map((x) => this.resolve(x)) });
      case "array":
        return bare({ Array: { len: expr.len, type: this.resolve(expr.item) } });
      case "named":
        break;
    }
    const { name, args } = expr;
    const prim = PRIMITIVES[name];
    if (prim) return bare({ Primitive: prim });
    const one = (): TypeExpr => {
      if (args.length !== 1 || !args[0]) throw new Error(`${name} takes one argument`);
      return args[0];
    };
    if (name === "Compact") return bare({ Compact: { type: this.resolve(one()) } });
    if (name === "Vec") return bare({ Sequence: { type: this.resolve(one()) } });
    if (name === "Typenum") return this.#typenum(one());
    const decl = this.#decls[name];
    if (!decl) throw new Error(`unknown type "${name}" (declare it in the type table)`);
    return this.#named(name, decl, args);
  }

  #named(name: string, decl: NamedTypeDecl, args: TypeExpr[]): PortableType["type"] {
    const generics = decl.generics ?? [];
    if (generics.length !== args.length) {
      throw new Error(`${name} expects ${generics.length} type arguments, got ${args.length}`);
    }
    const env = new Map<string, TypeExpr>(generics.map((g, i) => [g, args[i] as TypeExpr]));
    const params = decl.params ?? generics.map((g) => [g, g] as const);
    const def: PortableDef = decl.variants
      ? { Variant: { variants: this.#variants(decl.variants, env) } }
      : { Composite: { fields: this.#fields(decl.fields ?? [], env) } };
    return {
      path: decl.path.split("::"),
      params: params.map(([n, t]) => ({ name: n, type: t === null ? null : this.resolve(t, env) })),
      def,
      docs: [...(decl.docs ?? [])],
    };
  }

  #fields(fields: FieldsDecl, env: Env): PortableField[] {
    if (Array.isArray(fields)) {
      return (fields as readonly string[]).map((t) => ({
        name: null,
        type: this.resolve(t, env),
        typeName: null,
        docs: [],
      }));
    }
    return Object.entries(fields as Record<string, string>).map(([n, t]) => ({
      name: n,
      type: this.resolve(t, env),
      typeName: null,
      docs: [],
    }));
  }

  #variants(variants: readonly VariantDecl[], env: Env) {
    return variants.map((vd) => ({
      name: vd.name,
      index: vd.index,
      fields: this.#fields(vd.fields ?? [], env),
      docs: [...(vd.docs ?? [])],
    }));
  }

  /** typenum's binary encoding of an unsigned integer: UInt<UInt<UTerm, B1>, B0> = 2. */
  #typenum(n: TypeExpr): PortableType["type"] {
    if (n.kind !== "number") throw new Error("Typenum takes a number");
    const unit = (path: string) => ({
      path: path.split("::"),
      params: [],
      def: { Composite: { fields: [] } },
      docs: [],
    });
    if (n.value === 0) return unit("substrate_typenum::uint::UTerm");
    const bitName = n.value % 2 === 1 ? "TypenumB1" : "TypenumB0";
    const msb = this.resolve({
      kind: "named",
      name: "Typenum",
      args: [{ kind: "number", value: Math.floor(n.value / 2) }],
    });
    const lsb = this.#bit(bitName);
    return {
      path: ["substrate_typenum", "uint", "UInt"],
      params: [
        { name: "U", type: msb },
        { name: "B", type: lsb },
      ],
      def: {
        Composite: {
          fields: [
            { name: "msb", type: msb, typeName: null, docs: [] },
            { name: "lsb", type: lsb, typeName: null, docs: [] },
          ],
        },
      },
      docs: [],
    };
  }

  #bit(key: string): number {
    const known = this.#ids.get(key);
    if (known !== undefined) return known;
    const id = this.#types.length;
    this.#ids.set(key, id);
    this.#types.push({
      id,
      type: {
        path: ["substrate_typenum", "bit", key === "TypenumB1" ? "B1" : "B0"],
        params: [],
        def: { Composite: { fields: [] } },
        docs: [],
      },
    });
    return id;
  }
}
