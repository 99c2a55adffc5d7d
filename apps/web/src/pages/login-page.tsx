import { bookingErrorInfo } from "@booking/client";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/alert.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { TextField } from "../components/text-field.tsx";
import { useErrorMessage } from "../errors/use-error-message.ts";
import { focusFirstProblem } from "../forms/focus-first-problem.ts";
import { type FieldProblems, hasProblems, validateLogin } from "../forms/validate.ts";
import { useI18n } from "../i18n/use-i18n.ts";
import { safeNextPath } from "../navigation/safe-next-path.ts";
import { useLogin } from "../session/use-login.ts";

export function LoginPage() {
  const { t } = useI18n();
  const { next } = useSearch({ from: "/login" });
  const navigate = useNavigate();
  const login = useLogin();
  const describe = useErrorMessage();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<FieldProblems<"email" | "password">>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateLogin({ email, password });
    setProblems(found);
    if (hasProblems(found)) {
      focusFirstProblem(event.currentTarget, found);
      return;
    }
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate({ href: safeNextPath(next), replace: true }) },
    );
  };

  // A wrong address and a wrong password are one answer on purpose (the server does not
  // tell which); the text says so rather than the generic "log in again".
  const failure = login.isError
    ? bookingErrorInfo(login.error)?.code === "UNAUTHENTICATED"
      ? t("login.wrongCredentials")
      : describe(login.error)
    : undefined;

  return (
    <>
      <PageHeading title={t("login.title")} />
      <form className="card form" onSubmit={submit} noValidate aria-labelledby="login-form-title">
        <h2 id="login-form-title" className="visually-hidden">
          {t("login.title")}
        </h2>
        {failure && <Alert kind="error">{failure}</Alert>}
        <TextField
          label={t("field.email")}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={setEmail}
          error={problems.email && t(problems.email)}
          required
        />
        <TextField
          label={t("field.password")}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={problems.password && t(problems.password)}
          required
        />
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t("login.submitting") : t("login.submit")}
        </button>
      </form>
      <p className="form-aside">
        {t("login.noAccount")} <Link to="/register">{t("nav.register")}</Link>
      </p>
    </>
  );
}
