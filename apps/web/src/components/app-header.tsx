import { useI18n } from "../i18n/use-i18n.ts";
import { paths } from "../routes.ts";
import { useSession } from "../session/use-session.ts";
import { LanguageSwitcher } from "./language-switcher.tsx";
import { LogoutButton } from "./logout-button.tsx";
import { NavLink } from "./nav-link.tsx";

export function AppHeader() {
  const { t } = useI18n();
  const { user, isAdmin, isPending } = useSession();
  return (
    <header className="app-header">
      <div className="app-header-top">
        <a href={paths.home} className="brand">
          {t("app.name")}
        </a>
        <LanguageSwitcher />
      </div>
      <nav aria-label={t("nav.label")} className="main-nav">
        <ul>
          <li>
            <NavLink href={paths.home}>{t("nav.home")}</NavLink>
          </li>
          {user && (
            <li>
              <NavLink href={paths.account}>{t("nav.account")}</NavLink>
            </li>
          )}
          {isAdmin && (
            <li>
              <NavLink href={paths.admin}>{t("nav.admin")}</NavLink>
            </li>
          )}
          {/* Until the session is known, offer neither: no "Log in" flashing for a logged-in user. */}
          {!user && !isPending && (
            <>
              <li>
                <NavLink href={paths.login}>{t("nav.login")}</NavLink>
              </li>
              <li>
                <NavLink href={paths.register}>{t("nav.register")}</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
      {user && (
        <div className="session-bar">
          <span data-testid="signed-in-as">{t("nav.signedInAs", { name: user.name })}</span>
          <LogoutButton />
        </div>
      )}
    </header>
  );
}
