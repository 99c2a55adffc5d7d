import { Link, type LinkProps } from "@tanstack/react-router";
import type { ReactNode } from "react";

/**
 * A menu link. The router marks the open page with `aria-current="page"`, which tells
 * assistive technology (and the styles) where we are; a section's link stays marked on
 * its sub-pages (a venue under "Find a place"), the home link only on the home page.
 */
export function NavLink({
  to,
  exact = to === "/",
  children,
}: {
  to: LinkProps["to"];
  /** Marked only on this very page, not on the pages under it. */
  exact?: boolean;
  children: ReactNode;
}) {
  return (
    <Link to={to} className="nav-link" activeOptions={{ exact, includeSearch: false }}>
      {children}
    </Link>
  );
}
