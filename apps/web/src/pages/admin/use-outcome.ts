import { useState } from "react";

/**
 * The latest action's result in a card: a success sentence or a failure, never both,
 * so that an old confirmation does not stand next to a new error.
 */
export function useOutcome() {
  const [done, setDone] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const report = (success: string) => ({
    onSuccess: () => {
      setFailure(undefined);
      setDone(success);
    },
    onError: (error: unknown) => {
      setDone(undefined);
      setFailure(error);
    },
  });
  return { done, failure, report };
}
