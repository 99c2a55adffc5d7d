/**
 * Moves the focus to the first field with a problem, in the form's order, so that
 * keyboard and screen-reader users land where the correction is needed.
 */
export function focusFirstProblem(
  form: HTMLFormElement,
  problems: Partial<Record<string, unknown>>,
) {
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement)) continue;
    if (problems[element.name] !== undefined) {
      element.focus();
      return;
    }
  }
}
