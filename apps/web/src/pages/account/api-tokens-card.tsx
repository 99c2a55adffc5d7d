import { type FormEvent, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { NewTokenSecret } from "./new-token-secret.tsx";
import { TokenItem } from "./token-item.tsx";
import { useApiTokens } from "./use-api-tokens.ts";

export function ApiTokensCard() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const { list, create, revoke } = useApiTokens();
  const [name, setName] = useState("");
  const [nameMissing, setNameMissing] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | undefined>();
  const [revoked, setRevoked] = useState<string | undefined>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    setNameMissing(trimmed === "");
    if (trimmed === "") return;
    setRevoked(undefined);
    create.mutate(
      { name: trimmed },
      {
        onSuccess: ({ token }) => {
          setCreated({ name: trimmed, secret: token });
          setName("");
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t("tokens.title")}</h2>
      <p>{t("tokens.intro")}</p>
      {created ? (
        <NewTokenSecret
          name={created.name}
          secret={created.secret}
          onDismiss={() => setCreated(undefined)}
        />
      ) : (
        <form onSubmit={submit} noValidate className="inline-form">
          <TextField
            label={t("tokens.name")}
            name="token-name"
            autoComplete="off"
            value={name}
            onChange={setName}
            error={nameMissing ? t("validation.required") : undefined}
            maxLength={200}
          />
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t("tokens.creating") : t("tokens.create")}
          </button>
        </form>
      )}
      {create.isError && <Alert kind="error">{describe(create.error)}</Alert>}
      {revoke.isError && <Alert kind="error">{describe(revoke.error)}</Alert>}
      {revoked && <Alert kind="success">{t("tokens.revoked", { name: revoked })}</Alert>}
      {list.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {list.isError && <Alert kind="error">{describe(list.error)}</Alert>}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted">{t("tokens.empty")}</p>
        ) : (
          <ul className="list" aria-labelledby="tokens-heading">
            {list.data.items.map((token) => (
              <TokenItem
                key={token.id}
                token={token}
                revoking={revoke.isPending && revoke.variables?.id === token.id}
                onRevoke={() =>
                  revoke.mutate({ id: token.id }, { onSuccess: () => setRevoked(token.name) })
                }
              />
            ))}
          </ul>
        ))}
    </section>
  );
}
