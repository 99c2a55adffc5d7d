import { Outlet } from "@tanstack/react-router";
import { AppFooter } from "../components/app-footer.tsx";
import { AppHeader } from "../components/app-header.tsx";
import { SkipLink } from "../components/skip-link.tsx";

/** The frame around every page: header with the menu, the page, the footer. */
export function RootLayout() {
  return (
    <>
      <SkipLink />
      <div className="shell">
        <AppHeader />
        <main id="main" className="page">
          <Outlet />
        </main>
        <AppFooter />
      </div>
    </>
  );
}
