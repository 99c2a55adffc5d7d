import { bookingErrorInfo } from "@booking/client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { trpc } from "../../trpc.ts";
import { type Problems, problemsOfRefusal } from "./problems.ts";

/**
 * The problems shown in an editor's form: its own findings, or the api's refusal spread
 * over the fields. A refusal that concerns no field (forbidden, gone, offline) is returned
 * as `failure`, for one alert above the form.
 */
export function useFormProblems() {
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<unknown>();
  return {
    problems,
    failure,
    found: (found: Problems) => {
      setFailure(undefined);
      setProblems(found);
    },
    refused: (error: unknown) => {
      const byField = problemsOfRefusal(bookingErrorInfo(error));
      setProblems(byField);
      setFailure(Object.keys(byField).length > 0 ? undefined : error);
    },
  };
}

/** After a change the lists and pages of the catalog (also the public ones) read anew. */
export function useCatalogChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.venues.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.resources.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.offerings.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.availability.pathKey() }),
    ]);
}
