import { createRootRoute } from "@tanstack/react-router";
import { NotFoundPage } from "../pages/not-found-page.tsx";
import { RootLayout } from "./root-layout.tsx";

/** The root of every route; its own module so feature folders can hang routes under it. */
export const rootRoute = createRootRoute({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});
