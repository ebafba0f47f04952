import { fileURLToPath } from "node:url";

/** The project's root folder, for the tests' fixtures and commands. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
