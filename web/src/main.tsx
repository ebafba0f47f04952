import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { LanguageProvider } from "./shared/i18n/language.tsx";
import { ErrorBoundary } from "./shared/widgets/ErrorBoundary.tsx";
import "./styles.css";

// The last guard: should even reading the URL fail, a message in the URL's language, never a blank page.
const lang = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "ja";

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <LanguageProvider lang={lang}>
      <ErrorBoundary what="errorScenario">
        <App />
      </ErrorBoundary>
    </LanguageProvider>
  </StrictMode>,
);
