/** The one vocabulary (words.ts), and how names and figures are written in it. */
export * from "./figures.ts";
export * from "./names.ts";
export * from "./words.ts";
