// Decoded call and event arguments as readable JSON: wide integers already arrive as decimal strings.
export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? "null";
  } catch {
    return String(value);
  }
}
