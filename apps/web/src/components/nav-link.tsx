import type { ReactNode } from "react";
import { useLocation } from "../router/use-location.ts";

/** A menu link that tells assistive technology (and the styles) which page is open. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <a href={href} className="nav-link" aria-current={pathname === href ? "page" : undefined}>
      {children}
    </a>
  );
}
