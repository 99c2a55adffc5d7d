import { Alert } from "../../components/alert.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { type Problems, unplacedProblems } from "./problems.ts";

/**
 * Above a form's button: what no field shows in its own words, else a pointer to the
 * marked fields. Nothing while there is no problem.
 */
export function ProblemSummary({
  problems,
  fieldPaths,
}: {
  problems: Problems;
  fieldPaths: readonly string[];
}) {
  const { t } = useI18n();
  if (Object.keys(problems).length === 0) return null;
  const unplaced = unplacedProblems(problems, fieldPaths);
  const sentences = unplaced.map((problem) => t(problem.key, problem.values));
  return (
    <Alert kind="error">
      {sentences.length > 0 ? [...new Set(sentences)].join(" ") : t("validation.summary")}
    </Alert>
  );
}
