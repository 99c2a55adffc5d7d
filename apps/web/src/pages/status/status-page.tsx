import { StatusCard } from "./status-card.tsx";

export function StatusPage() {
  return <StatusCard asPage />;
}
