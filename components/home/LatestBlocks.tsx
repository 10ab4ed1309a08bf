import type { BlockSummary } from "../../lib/queries/blocks";

export function LatestBlocks({ blocks }: { blocks: BlockSummary[] }) {
  return (
    <section
      aria-labelledby="latest-blocks"
      className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2
        id="latest-blocks"
        className="border-b border-zinc-200 px-4 py-3 text-sm font-semibold dark:border-zinc-800"
      >
        Latest blocks
      </h2>
      {blocks.length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-500">
          No blocks indexed yet. The indexer fills this as it catches up.
        </p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-zinc-500">
            <tr>
              <th scope="col" className="px-4 py-2">
                Block
              </th>
              <th scope="col" className="px-4 py-2">
                Hash
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                Extrinsics
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                Events
              </th>
              <th scope="col" className="px-4 py-2">
                Time (UTC)
              </th>
            </tr>
          </thead>
          <tbody>
            {blocks.map((b) => (
              <tr key={b.number} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="px-4 py-2 font-mono">{b.number.toLocaleString("en-US")}</td>
                <td className="max-w-48 truncate px-4 py-2 font-mono text-zinc-500">{b.hash}</td>
                <td className="px-4 py-2 text-right">{b.extrinsicCount}</td>
                <td className="px-4 py-2 text-right">{b.eventCount}</td>
                <td className="px-4 py-2 text-zinc-500">
                  {b.timestamp ? b.timestamp.replace("T", " ").slice(0, 19) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
