import type { User } from "@booking/contracts";
import { formatDate } from "../../i18n/format-date.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { MailLanguageField } from "./mail-language-field.tsx";

export function ProfileCard({ user }: { user: User }) {
  const { t, language } = useI18n();
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("account.profile")}</h2>
      <dl className="facts">
        <dt>{t("field.name")}</dt>
        <dd data-testid="profile-name">{user.name}</dd>
        <dt>{t("field.email")}</dt>
        <dd className="break">{user.email}</dd>
        {user.phone && (
          <>
            <dt>{t("field.phoneShort")}</dt>
            <dd>{user.phone}</dd>
          </>
        )}
        <dt>{t("field.role")}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        <dt>{t("field.registered")}</dt>
        <dd>{formatDate(user.createdAt, language)}</dd>
      </dl>
      <MailLanguageField user={user} />
    </section>
  );
}
