import "./zod-without-eval.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { interceptLinks } from "./router/intercept-links.ts";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lacks #root");

interceptLinks();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
