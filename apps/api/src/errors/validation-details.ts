import type { ZodError } from "zod";

/** `{ "field.path": ["message", …] }`, the shape of VALIDATION_FAILED details in docs/api.md. */
export function validationDetails(error: ZodError): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(body)";
    details[field] = [...(details[field] ?? []), issue.message];
  }
  return details;
}
