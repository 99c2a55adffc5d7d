import { AccountPage } from "./pages/account/account-page.tsx";
import { AdminPage } from "./pages/admin/admin-page.tsx";
import { GoodbyePage } from "./pages/goodbye-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { LoginPage } from "./pages/login-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { RegisterPage } from "./pages/register-page.tsx";
import { StatusPage } from "./pages/status/status-page.tsx";
import { useLocation } from "./router/use-location.ts";
import { type RouteName, resolveRoute } from "./routes.ts";

const pages: Record<RouteName, () => React.JSX.Element> = {
  home: HomePage,
  status: StatusPage,
  login: LoginPage,
  register: RegisterPage,
  account: AccountPage,
  goodbye: GoodbyePage,
  admin: AdminPage,
  notFound: NotFoundPage,
};

export function AppRoutes() {
  const { pathname } = useLocation();
  const Page = pages[resolveRoute(pathname).name];
  // A key per path: moving to another page starts it fresh (forms, focus, scroll).
  return <Page key={pathname} />;
}
