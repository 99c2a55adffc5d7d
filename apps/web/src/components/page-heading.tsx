import { type ReactNode, useEffect, useRef } from "react";
import { useI18n } from "../i18n/use-i18n.ts";

let firstPageShown = false;

/**
 * The page's h1. After a client-side navigation it takes the focus, as a page load would
 * reset it, so that screen readers announce the new page and keyboard users start at its
 * top. The very first page keeps the browser's own focus handling.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, []);

  useEffect(() => {
    const appName = t("app.name");
    document.title = title === appName ? appName : `${title} · ${appName}`;
  }, [title, t]);

  return (
    <h1 ref={heading} tabIndex={-1} className="page-title">
      {children ?? title}
    </h1>
  );
}
