import "./zod-without-eval.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { seedPageData } from "./navigation/page-data.ts";
import { queryClient } from "./trpc.ts";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

seedPageData(queryClient);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
