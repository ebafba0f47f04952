import { afterEach, describe, expect, it } from "vitest";
import { describeConnectionProblem } from "../../neo4j/connect.ts";

/**
 * Issue 13, items 10 and 13: a reader asked to load, and a database the server lacks, each get
 * one line saying what to do. (Community Edition has no roles, so the server-side refusal cannot
 * be produced by the bundled server: the classification is checked here on the server's codes;
 * the missing database is also checked for real in tests/integration/database-selection.test.ts.)
 */
const saved = { NEO4J_USER: process.env.NEO4J_USER, NEO4J_DATABASE: process.env.NEO4J_DATABASE };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const serverError = (code: string) => Object.assign(new Error("refused"), { code });

describe("what a command says when the server refuses the user or the database", () => {
  it("a user without write privileges: which role loading needs", () => {
    process.env.NEO4J_USER = "keiro_reader";
    expect(describeConnectionProblem(serverError("Neo.ClientError.Security.Forbidden"), "neo4j+s://x")).toBe(
      'The server at neo4j+s://x does not allow NEO4J_USER "keiro_reader" to write or change the schema. A read-only user (role `reader`) can answer (`npm run serve`, `impact`, `cypher`); loading needs a user with the `architect` role (see README, Configuration).',
    );
  });

  it("a database the server does not have", () => {
    process.env.NEO4J_DATABASE = "keiro";
    expect(
      describeConnectionProblem(serverError("Neo.ClientError.Database.DatabaseNotFound"), "bolt://h"),
    ).toBe(
      `The server at bolt://h has no database "keiro". Check NEO4J_DATABASE (unset, the server's default database is used).`,
    );
  });

  it("anything else is left to the command", () => {
    expect(describeConnectionProblem(serverError("Neo.ClientError.Statement.SyntaxError"), "bolt://h")).toBe(
      undefined,
    );
  });
});
