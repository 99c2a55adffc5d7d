import { useI18n } from "../../i18n/use-i18n.ts";
import { type Problems, problemAt } from "./problems.ts";

/** The sentence for the field at a path (or below it), in the reader's language. */
export type ProblemTextAt = (path: string) => string | undefined;

export function useProblemText(problems: Problems): ProblemTextAt {
  const { t } = useI18n();
  return (path) => {
    const problem = problemAt(problems, path);
    return problem ? t(problem.key, problem.values) : undefined;
  };
}
