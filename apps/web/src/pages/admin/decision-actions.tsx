import { type ReactNode, useState } from "react";

/**
 * A waiting request's decision: yes at once, or no behind a form that asks why. The labels
 * name who (and what) the decision is about, as a list holds many rows alike.
 */
export function DecisionActions({
  busy,
  confirm,
  reject,
  onConfirm,
  rejectForm,
}: {
  busy: boolean;
  confirm: { text: string; label: string };
  reject: { text: string; label: string };
  onConfirm: () => void;
  /** The form asking for the reason; `close` brings the two buttons back. */
  rejectForm: (close: () => void) => ReactNode;
}) {
  const [rejecting, setRejecting] = useState(false);
  if (rejecting) return rejectForm(() => setRejecting(false));
  return (
    <div className="actions">
      <button
        type="button"
        className="button"
        onClick={onConfirm}
        disabled={busy}
        aria-label={confirm.label}
      >
        {confirm.text}
      </button>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => setRejecting(true)}
        disabled={busy}
        aria-label={reject.label}
      >
        {reject.text}
      </button>
    </div>
  );
}
