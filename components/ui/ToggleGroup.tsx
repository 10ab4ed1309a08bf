// A row of pressed/unpressed buttons choosing one of a few values (chart range, period, chart type).
export function ToggleGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  accent = false,
}: {
  /** Accessible name of the group. */
  label: string;
  options: readonly (readonly [T, string])[];
  value: T;
  onChange: (v: T) => void;
  /** Brand colour for the pressed button instead of the neutral one. */
  accent?: boolean;
}) {
  const pressed = accent
    ? "bg-brand-600 text-white"
    : "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900";
  return (
    <fieldset aria-label={label} className="flex gap-1 border-0 p-0">
      {options.map(([v, text]) => (
        <button
          key={v}
          type="button"
          aria-pressed={v === value}
          onClick={() => onChange(v)}
          className={`rounded px-2 py-0.5 text-xs ${
            v === value
              ? pressed
              : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
          }`}
        >
          {text}
        </button>
      ))}
    </fieldset>
  );
}
