import { Skeleton } from "../../../components/ui/Skeleton";

export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true">
      <h1 className="text-2xl font-semibold">Search</h1>
      <Skeleton className="h-32 w-full" />
    </div>
  );
}
