import { NavLink } from "../../components/nav-link.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";

/** The admin's menu: one entry per admin page. */
export function AdminNav() {
  const { t } = useI18n();
  return (
    <nav aria-label={t("admin.nav.label")} className="admin-nav">
      <ul>
        <li>
          <NavLink to="/admin" exact>
            {t("admin.nav.queue")}
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
