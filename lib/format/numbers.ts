// Integers and ratios as text. Amounts never come here as floats: see amount.ts.

/** 1234567 → "1,234,567"; works on numbers, bigints and decimal strings alike. */
export function formatInteger(value: number | bigint | string): string {
  const text = typeof value === "string" ? value : value.toString();
  const negative = text.startsWith("-");
  const digits = negative ? text.slice(1) : text;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return negative ? `-${grouped}` : grouped;
}

/** Share as a percentage with fixed decimals; `part/whole` in bigints so large counts stay exact. */
export function formatPercent(part: bigint, whole: bigint, decimals = 2): string {
  if (whole === 0n) return "—";
  const scale = 10n ** BigInt(decimals);
  const negative = part < 0n !== whole < 0n && part !== 0n;
  const abs = (v: bigint) => (v < 0n ? -v : v);
  // Round half up on the last shown digit.
  const scaled = (abs(part) * 100n * scale * 2n + abs(whole)) / (abs(whole) * 2n);
  const text = scaled.toString().padStart(decimals + 1, "0");
  const body = decimals > 0 ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
  return `${negative ? "-" : ""}${formatInteger(body.split(".")[0]!)}${decimals > 0 ? `.${body.split(".")[1]}` : ""}%`;
}

/** Seconds → "2h 5m", "45s", "3d 4h": the two largest units. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const units: [string, number][] = [
    ["d", 86_400],
    ["h", 3_600],
    ["m", 60],
    ["s", 1],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [label, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (parts.length === 0 && label === "s")) parts.push(`${n}${label}`);
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}

/** "0x1234abcd…9f8e" — enough of both ends to tell hashes apart by eye. */
export function shortHash(hash: string, head = 6, tail = 4): string {
  const body = hash.startsWith("0x") ? hash.slice(2) : hash;
  const prefix = hash.startsWith("0x") ? "0x" : "";
  if (body.length <= head + tail + 1) return hash;
  return `${prefix}${body.slice(0, head)}…${body.slice(-tail)}`;
}

/** SS58 shortened the same way. */
export function shortAddress(ss58: string): string {
  return ss58.length <= 14 ? ss58 : `${ss58.slice(0, 6)}…${ss58.slice(-6)}`;
}
