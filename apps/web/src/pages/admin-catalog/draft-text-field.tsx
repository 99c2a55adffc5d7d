import type { ComponentProps } from "react";
import { TextField } from "../../components/text-field.tsx";
import type { ProblemTextAt } from "./problem-text.ts";

/** The keys of a draft whose values are typed as text. */
type TextKey<Draft> = {
  [Key in keyof Draft]: Draft[Key] extends string ? Key : never;
}[keyof Draft];

/**
 * A text field bound to one value of a catalog draft: it shows the value, changes it, and
 * shows the problem the api or the form found at `path` (the api's name for that value).
 * Autofill stays off: the browser would offer the admin's own address for a venue's.
 */
export function DraftTextField<Draft>({
  draft,
  onChange,
  problemAt,
  field,
  path,
  ...input
}: Omit<ComponentProps<typeof TextField>, "value" | "onChange" | "name" | "error"> & {
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
  problemAt: ProblemTextAt;
  field: TextKey<Draft>;
  path: string;
}) {
  return (
    <TextField
      autoComplete="off"
      {...input}
      name={path}
      value={draft[field] as string}
      onChange={(value) => onChange({ [field]: value } as Partial<Draft>)}
      error={problemAt(path)}
    />
  );
}
