import "./admin-texts-loaded.ts";
import { Outlet } from "@tanstack/react-router";
import { RequireUser } from "../../components/require-user.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { AdminNav } from "./admin-nav.tsx";
import "./admin-desk.css";

/** The admin's desk: its own menu above whichever admin page is open. */
export function AdminLayout() {
  const { t } = useI18n();
  return (
    <RequireUser admin title={t("admin.title")}>
      {() => (
        <div className="admin-desk">
          <AdminNav />
          <Outlet />
        </div>
      )}
    </RequireUser>
  );
}
