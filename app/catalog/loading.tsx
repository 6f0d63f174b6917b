import { LoadingRows } from "../_components/query-status";

export default function Loading() {
  return <LoadingRows label="Loading the catalog" rows={8} />;
}
