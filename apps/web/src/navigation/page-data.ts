import { type PageDataEntry, pageDataElementId, transformer } from "@booking/contracts";
import type { QueryClient } from "@tanstack/react-query";

/**
 * Puts the answers the server sent inside the page (a venue, its offerings) into the query
 * cache, so the page's first render shows them instead of asking again: on a slow phone
 * network that saves most of a second. The keys are tRPC's own (`[path, {input, type}]`),
 * the same the page's `queryOptions` produce; the browser test checks no query repeats them.
 */
export function seedPageData(queryClient: QueryClient, document: Document = window.document) {
  const element = document.getElementById(pageDataElementId);
  if (!element?.textContent) return;
  element.remove();
  let entries: PageDataEntry[];
  try {
    entries = JSON.parse(element.textContent) as PageDataEntry[];
  } catch {
    return; // The page then loads its data itself, as it would without any.
  }
  for (const { procedure, input, result } of entries) {
    queryClient.setQueryData(
      [procedure.split("."), { input, type: "query" }],
      transformer.deserialize(result as Parameters<typeof transformer.deserialize>[0]),
    );
  }
}
