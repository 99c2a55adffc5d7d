import { PageHeading } from "../components/page-heading.tsx";
import { useI18n } from "../i18n/use-i18n.ts";
import { paths } from "../routes.ts";
import { useSession } from "../session/use-session.ts";
import { StatusCard } from "./status/status-card.tsx";

export function HomePage() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  return (
    <>
      <PageHeading title={t("app.name")} />
      <p className="tagline">{t("app.tagline")}</p>
      {!isPending && (
        <section className="intro">
          {user ? (
            <p>
              {t("home.welcome", { name: user.name })}{" "}
              <a href={paths.account}>{t("nav.account")}</a>
            </p>
          ) : (
            <>
              <p>{t("home.guestIntro")}</p>
              <p className="actions">
                <a href={paths.login} className="button">
                  {t("nav.login")}
                </a>
                <a href={paths.register} className="button button-secondary">
                  {t("nav.register")}
                </a>
              </p>
            </>
          )}
        </section>
      )}
      <StatusCard />
    </>
  );
}
