import { useMutation, useQueryClient } from "@tanstack/react-query";
import { trpc } from "../../trpc.ts";
import { exportFileName, saveJsonFile } from "./save-json-file.ts";

/**
 * Fetches the export only when asked (it can be large) and never caches it: every
 * download shows the data as it is now.
 */
export function useDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const options = trpc.me.export.queryOptions();
      const data = await queryClient.fetchQuery({ ...options, staleTime: 0, gcTime: 0 });
      saveJsonFile(data, exportFileName(new Date()));
    },
  });
}
