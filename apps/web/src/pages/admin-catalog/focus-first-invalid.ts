/**
 * Moves the focus to the first field marked invalid, in the form's order, so that keyboard
 * and screen-reader users land where the correction is needed. Paths of the api's problems
 * do not name single inputs (an interval is two), hence the marking is what counts.
 */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
