// The api's package entry is for types only: clients import the router's type, never code.
export type { AppRouter } from "./app/app-router.ts";
