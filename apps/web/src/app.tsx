import { QueryClientProvider } from "@tanstack/react-query";
import { AppRoutes } from "./app-routes.tsx";
import { AppFooter } from "./components/app-footer.tsx";
import { AppHeader } from "./components/app-header.tsx";
import { SkipLink } from "./components/skip-link.tsx";
import { I18nProvider } from "./i18n/i18n-context.tsx";
import { queryClient } from "./trpc.ts";

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SkipLink />
        <div className="shell">
          <AppHeader />
          <main id="main" className="page">
            <AppRoutes />
          </main>
          <AppFooter />
        </div>
      </I18nProvider>
    </QueryClientProvider>
  );
}
