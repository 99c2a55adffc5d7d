import type { User } from "@booking/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { sessionQueryKey } from "../../session/session-key.ts";
import { trpc } from "../../trpc.ts";

/**
 * The language of the person's e-mails (saved with the account; none chosen: the venue's).
 * Separate from the page's language switch: one may read the site in English and want the
 * booking's mails in German.
 */
export function MailLanguageField({ user }: { user: User }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const id = useId();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.me.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
    }),
  );
  const current = user.language ?? "";
  return (
    <div className="field">
      <label htmlFor={id}>{t("mailLanguage.label")}</label>
      <select
        id={id}
        value={save.isPending ? (save.variables?.language ?? "") : current}
        disabled={save.isPending}
        onChange={(event) => {
          const value = event.target.value;
          save.mutate({ language: value === "de" || value === "en" ? value : null });
        }}
      >
        <option value="">{t("mailLanguage.venues")}</option>
        <option value="de">Deutsch</option>
        <option value="en">English</option>
      </select>
      <p className="field-hint">{t("mailLanguage.hint")}</p>
      {save.isSuccess && <Alert kind="success">{t("mailLanguage.saved")}</Alert>}
      {save.isError && <Alert kind="error">{describe(save.error)}</Alert>}
    </div>
  );
}
