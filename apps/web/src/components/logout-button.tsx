import { useErrorMessage } from "../errors/use-error-message.ts";
import { useI18n } from "../i18n/use-i18n.ts";
import { useLogout } from "../session/use-logout.ts";

export function LogoutButton() {
  const { t } = useI18n();
  const logout = useLogout();
  const describe = useErrorMessage();
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        {t("nav.logout")}
      </button>
      {logout.isError && (
        <span className="inline-error" role="alert">
          {describe(logout.error)}
        </span>
      )}
    </>
  );
}
