import type { Role, User } from "@booking/contracts";
import { type FormEvent, useId, useState } from "react";
import { useI18n } from "../../i18n/use-i18n.ts";

// Handing over ownership demotes the owner and needs its own, deliberate flow; here the
// owner only grants or takes the admin role.
const assignable = ["member", "admin"] as const satisfies readonly Role[];

/** A select plus an explicit button: browsing the options never changes anyone's role. */
export function RoleForm({
  user,
  busy,
  onChange,
}: {
  user: User;
  busy: boolean;
  onChange: (role: (typeof assignable)[number]) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [role, setRole] = useState<(typeof assignable)[number]>(
    user.role === "admin" ? "admin" : "member",
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (role !== user.role) onChange(role);
  };
  return (
    <form className="role-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t("admin.roleLabel", { name: user.name })}
      </label>
      <select
        id={id}
        value={role}
        onChange={(event) => setRole(event.target.value === "admin" ? "admin" : "member")}
      >
        {assignable.map((option) => (
          <option key={option} value={option}>
            {t(`role.${option}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button-small button-secondary"
        disabled={busy || role === user.role}
      >
        {t("admin.saveRole")}
      </button>
    </form>
  );
}
