import type { User } from "@booking/contracts";
import { Link, useLocation } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/use-i18n.ts";
import { useSession } from "../session/use-session.ts";
import { Alert } from "./alert.tsx";
import { PageHeading } from "./page-heading.tsx";

/**
 * Shows its children only to a logged-in user (and, with `admin`, only to admins and the
 * owner). The server enforces the same; this only spares people a page of errors.
 */
export function RequireUser({
  admin = false,
  title,
  children,
}: {
  admin?: boolean;
  title: string;
  children: (user: User) => ReactNode;
}) {
  const { t } = useI18n();
  const { user, isPending, isAdmin } = useSession();
  // Back to this very page after logging in, its search params included.
  const here = useLocation({ select: (location) => location.href });
  if (isPending) return <p aria-busy="true">{t("app.loading")}</p>;
  if (!user) {
    return (
      <>
        <PageHeading title={title} />
        <Alert kind="error">{t("guard.loginRequired")}</Alert>
        <p>
          <Link to="/login" search={{ next: here }} className="button">
            {t("nav.login")}
          </Link>
        </p>
      </>
    );
  }
  if (admin && !isAdmin) {
    return (
      <>
        <PageHeading title={title} />
        <Alert kind="error">{t("guard.adminOnly")}</Alert>
      </>
    );
  }
  return children(user);
}
