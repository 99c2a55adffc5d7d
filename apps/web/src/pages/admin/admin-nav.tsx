import { NavLink } from "../../components/nav-link.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useWaitingCount } from "./use-waiting-count.ts";

/** The admin's menu: one entry per admin page; the first says how much waits. */
export function AdminNav() {
  const { t } = useI18n();
  const waiting = useWaitingCount();
  return (
    <nav aria-label={t("admin.nav.label")} className="admin-nav">
      <ul>
        <li>
          <NavLink to="/admin" exact>
            {t("admin.nav.queue")}
            {waiting !== undefined && waiting > 0 && (
              <>
                <span className="count-badge" aria-hidden="true">
                  {waiting}
                </span>
                <span className="visually-hidden">
                  {" "}
                  {t("admin.nav.waiting", { count: waiting })}
                </span>
              </>
            )}
          </NavLink>
        </li>
        <li>
          <NavLink to="/admin/calendar">{t("admin.nav.calendar")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/bookings">{t("admin.nav.bookings")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/catalog">{t("admin.nav.catalog")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/statistics">{t("admin.nav.statistics")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/notifications">{t("admin.nav.notifications")}</NavLink>
        </li>
        <li>
          <NavLink to="/admin/users">{t("admin.nav.users")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
