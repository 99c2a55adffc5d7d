import { Link } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n.ts";
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
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        <LanguageSwitcher />
      </div>
      <nav aria-label={t("nav.label")} className="main-nav">
        <ul>
          <li>
            <NavLink to="/">{t("nav.home")}</NavLink>
          </li>
          <li>
            <NavLink to="/venues">{t("nav.venues")}</NavLink>
          </li>
          {user && (
            <li>
              <NavLink to="/bookings">{t("nav.myBookings")}</NavLink>
            </li>
          )}
          {user && (
            <li>
              <NavLink to="/account">{t("nav.account")}</NavLink>
            </li>
          )}
          {isAdmin && (
            <li>
              <NavLink to="/admin">{t("nav.admin")}</NavLink>
            </li>
          )}
          {/* Until the session is known, offer neither: no "Log in" flashing for a logged-in user. */}
          {!user && !isPending && (
            <>
              <li>
                <NavLink to="/login">{t("nav.login")}</NavLink>
              </li>
              <li>
                <NavLink to="/register">{t("nav.register")}</NavLink>
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
