import { Link } from "@tanstack/react-router";
import { PageHeading } from "../components/page-heading.tsx";
import { useI18n } from "../i18n/use-i18n.ts";
import { useSession } from "../session/use-session.ts";
import { StatusCard } from "./status/status-card.tsx";

export function HomePage() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  return (
    <>
      <PageHeading title={t("app.name")} />
      <p className="tagline">{t("app.tagline")}</p>
      <section className="intro">
        {/* Finding a place needs no account: the call to action is there for everyone at once. */}
        <p className="actions">
          <Link to="/venues" className="button">
            {t("home.book")}
          </Link>
        </p>
        {!isPending &&
          (user ? (
            <p>
              {t("home.welcome", { name: user.name })} <Link to="/account">{t("nav.account")}</Link>
            </p>
          ) : (
            <p>
              {t("home.guestIntro")} <Link to="/register">{t("nav.register")}</Link>
            </p>
          ))}
      </section>
      <StatusCard />
    </>
  );
}
