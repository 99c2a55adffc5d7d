import { useEffect, useRef, useState } from "react";
import { focusFirstInvalid } from "./focus-first-invalid.ts";
import { useProblemText } from "./problem-text.ts";
import type { Problems } from "./problems.ts";
import { useCatalogChanged, useFormProblems } from "./use-catalog-save.ts";

/** What a catalog form shows above its button: the problems, a refusal, or that it was saved. */
export interface SaveStatus {
  problems: Problems;
  failure: unknown;
  saved: boolean;
}

/**
 * A catalog form saved as a whole (a venue, an offering): its draft, the problems the form
 * or the api found (the first marked field takes the focus, so the correction is where the
 * reader lands), and whether the last save went through. Any edit takes "saved" back.
 */
export function useCatalogForm<Draft>(initialDraft: () => Draft) {
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const [saved, setSaved] = useState(false);
  const { problems, failure, found, refused } = useFormProblems();
  const problemAt = useProblemText(problems);
  const formRef = useRef<HTMLFormElement>(null);
  const changed = useCatalogChanged();

  useEffect(() => {
    if (Object.keys(problems).length > 0) focusFirstInvalid(formRef.current);
  }, [problems]);

  const status: SaveStatus = { problems, failure, saved };
  return {
    formRef,
    draft,
    problemAt,
    status,
    change: (patch: Partial<Draft>) => {
      setSaved(false);
      setDraft((current) => ({ ...current, ...patch }));
    },
    /** A save begins: the form's own findings replace those of the last attempt. */
    check: (own: Problems) => {
      setSaved(false);
      found(own);
    },
    /**
     * The save's mutation callbacks: once the catalog has been read anew, the form shows
     * what the api stored, and `then` hears of it; a refusal is spread over the fields.
     */
    afterSave: <Result>(savedDraft: (result: Result) => Draft, then: (result: Result) => void) => ({
      onSuccess: async (result: Result) => {
        await changed();
        setDraft(savedDraft(result));
        setSaved(true);
        then(result);
      },
      onError: refused,
    }),
  };
}
