/**
 * The answers a public page needs, sent inside its HTML so the page shows them without a
 * second round trip (on a slow phone network that trip costs most of a second). The api
 * writes them as JSON into `<script type="application/json" id="page-data">`; the web app
 * puts each into its query cache under the key its own query would use.
 */
export interface PageDataEntry {
  /** The tRPC procedure, e.g. `venues.get`. */
  procedure: string;
  /** Its input, exactly as the page's query passes it (the cache key depends on it). */
  input: unknown;
  /** Its answer, serialized with the shared transformer (superjson). */
  result: unknown;
}

export const pageDataElementId = "page-data";
