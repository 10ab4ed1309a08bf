// Parser for the type expressions used in the declarations.

export type TypeExpr =
  | { kind: "named"; name: string; args: TypeExpr[] }
  | { kind: "tuple"; items: TypeExpr[] }
  | { kind: "array"; item: TypeExpr; len: number }
  | { kind: "number"; value: number };

const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(\d+)|([<>(),;[\]]))/y;

export function parseTypeExpr(src: string): TypeExpr {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`bad type expression "${src}" at ${TOKEN.lastIndex}`);
    tokens.push((m[1] ?? m[2] ?? m[3]) as string);
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const expect = (t: string) => {
    if (tokens[pos] !== t) throw new Error(`expected "${t}" in "${src}", found "${tokens[pos] ?? "end"}"`);
    pos++;
  };
  const parse = (): TypeExpr => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error(`unexpected end of "${src}"`);
    if (t === "(") {
      const items: TypeExpr[] = [];
      while (peek() !== ")") {
        items.push(parse());
        if (peek() === ",") pos++;
      }
      expect(")");
      return { kind: "tuple", items };
    }
    if (t === "[") {
      const item = parse();
      expect(";");
      const len = tokens[pos++];
      if (!len || !/^\d+$/.test(len)) throw new Error(`array length expected in "${src}"`);
      expect("]");
      return { kind: "array", item, len: Number(len) };
    }
    if (/^\d+$/.test(t)) return { kind: "number", value: Number(t) };
    if (!/^[A-Za-z_]/.test(t)) throw new Error(`unexpected "${t}" in "${src}"`);
    const args: TypeExpr[] = [];
    if (peek() === "<") {
      pos++;
      while (peek() !== ">") {
        args.push(parse());
        if (peek() === ",") pos++;
      }
      expect(">");
    }
    return { kind: "named", name: t, args };
  };
  const out = parse();
  if (pos !== tokens.length) throw new Error(`trailing input in "${src}"`);
  return out;
}

export function formatTypeExpr(e: TypeExpr): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "tuple":
      return `(${e.items.map(formatTypeExpr).join(", ")})`;
    case "array":
      return `[${formatTypeExpr(e.item)}; ${e.len}]`;
    case "named":
      return e.args.length ? `${e.name}<${e.args.map(formatTypeExpr).join(", ")}>` : e.name;
  }
}
