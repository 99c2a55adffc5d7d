import { bookingErrorInfo } from "@booking/client";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { Alert } from "../components/alert.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { TextField } from "../components/text-field.tsx";
import { fieldErrors } from "../errors/error-text.ts";
import { useErrorMessage } from "../errors/use-error-message.ts";
import { focusFirstProblem } from "../forms/focus-first-problem.ts";
import { type FieldProblems, hasProblems, validateRegistration } from "../forms/validate.ts";
import { useI18n } from "../i18n/use-i18n.ts";
import { useRegister } from "../session/use-register.ts";

type Field = "name" | "email" | "phone" | "password";

export function RegisterPage() {
  const { t } = useI18n();
  const register = useRegister();
  const describe = useErrorMessage();
  const [values, setValues] = useState<Record<Field, string>>({
    name: "",
    email: "",
    phone: "",
    password: "",
  });
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const set = (field: Field) => (value: string) => setValues((old) => ({ ...old, [field]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateRegistration(values);
    setProblems(found);
    if (hasProblems(found)) {
      focusFirstProblem(event.currentTarget, found);
      return;
    }
    const phone = values.phone.trim();
    register.mutate({
      name: values.name.trim(),
      email: values.email.trim(),
      password: values.password,
      ...(phone ? { phone } : {}),
    });
  };

  if (register.isSuccess) {
    return (
      <>
        <PageHeading title={t("register.successTitle")} />
        <Alert kind="success">
          {t("register.successBody", { email: register.data.user.email })}
        </Alert>
        <p>
          <Link to="/login">{t("nav.login")}</Link>
        </p>
      </>
    );
  }

  // The server's checks are the same as ours; if it still objects to a field, show its
  // words beside that field rather than only a general message.
  const serverProblems = register.isError ? fieldErrors(bookingErrorInfo(register.error)) : {};
  const errorFor = (field: Field) => {
    const problem = problems[field];
    return problem ? t(problem) : serverProblems[field];
  };

  return (
    <>
      <PageHeading title={t("register.title")} />
      <p>{t("register.intro")}</p>
      <form className="card form" onSubmit={submit} noValidate>
        {hasProblems(problems) && <Alert kind="error">{t("validation.summary")}</Alert>}
        {register.isError && <Alert kind="error">{describe(register.error)}</Alert>}
        <TextField
          label={t("field.name")}
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={set("name")}
          error={errorFor("name")}
          required
        />
        <TextField
          label={t("field.email")}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onChange={set("email")}
          error={errorFor("email")}
          required
        />
        <TextField
          label={t("field.phone")}
          type="tel"
          name="phone"
          autoComplete="tel"
          value={values.phone}
          onChange={set("phone")}
          error={errorFor("phone")}
        />
        <TextField
          label={t("field.password")}
          type="password"
          name="password"
          autoComplete="new-password"
          minLength={10}
          value={values.password}
          onChange={set("password")}
          hint={t("field.passwordHint")}
          error={errorFor("password")}
          required
        />
        <button type="submit" className="button" disabled={register.isPending}>
          {register.isPending ? t("register.submitting") : t("register.submit")}
        </button>
      </form>
      <p className="form-aside">
        {t("register.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
      </p>
    </>
  );
}
