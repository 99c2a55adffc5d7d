import type { ReactNode } from "react";

/**
 * Errors interrupt (role=alert); confirmations wait politely (role=status). Both are read
 * out by screen readers when they appear.
 */
export function Alert({ kind, children }: { kind: "error" | "success"; children: ReactNode }) {
  return (
    <p className={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </p>
  );
}
