import { ParameterError } from "./scenario.ts";

/**
 * A parameter a person gives, declared once: its name on the command line (`--name`), in the
 * API's query string (`?name=`) and in the explorer's URL; the kind of value it takes; and one
 * line of help. The command lines' options and usage, the API's request schemas and OpenAPI
 * document, and the explorer's URL state are all derived from these tables.
 */
export type ParameterKind =
  /** Ids, repeatable: `--vendor a --vendor b`, `?vendor=a&vendor=b`. */
  | "ids"
  /** A whole number ≥ 1. */
  | "count"
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  | "date"
  /** A full day, `YYYY-MM-DD`. */
  | "day"
  /** On or off: `--flag`, `?flag=true`. */
  | "flag"
  /** One of `choices`. */
  | "choice"
  /** Free text (a file name). */
  | "text";

export interface Parameter {
  name: string;
  kind: ParameterKind;
  /** One line for `--help` and the API's documentation. */
  help: string;
  /** What a usage line shows for its value: `ID`, `N`, `DATE`. */
  value?: string;
  choices?: readonly string[];
}

/** A parameter that fills a field of a parsed value (a scenario's `compromised`, `maxDepth`, …). */
export interface FieldParameter<Field extends string> extends Parameter {
  field: Field;
}

/** The names of a table's parameters, in its order. */
export const namesOf = (parameters: readonly Parameter[]): string[] => parameters.map((p) => p.name);

/** A value of a kind as a person gave it, before checking: texts for repeatable ids, on/off for a flag, else text. */
export type RawValue<K extends ParameterKind = ParameterKind> = K extends "ids"
  ? string[]
  : K extends "flag"
    ? boolean
    : string;

/** One of `choices`, given for the parameter `name`; anything else is refused, naming the choices. */
export function parseChoice<T extends string>(name: string, text: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(text))
    throw new ParameterError(name, `${name}: "${text}" is not one of ${choices.join(", ")}`);
  return text as T;
}

/** Words wrapped to lines of at most `width` characters. */
function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/**
 * The usage lines of a table, as `--help` prints them, the help wrapped within 100 columns:
 * `  --max-depth N          count organisations at most N contracts away`.
 */
export function usageLines(parameters: readonly Parameter[], column = 23): string[] {
  const indent = " ".repeat(2 + column);
  return parameters.flatMap((p) => {
    const left = `--${p.name}${p.value ? ` ${p.value}` : p.choices ? ` ${p.choices.join("|")}` : ""}`;
    const help = wrapped(p.help, 100 - indent.length);
    const first =
      left.length < column ? [`  ${left.padEnd(column)}${help[0]}`] : [`  ${left}`, `${indent}${help[0]}`];
    return [...first, ...help.slice(1).map((line) => `${indent}${line}`)];
  });
}
