// Runs the `script:` of an actions/github-script step the way github-script does (an async
// function of require, github, context, core), against a fake GitHub that keeps a pull request's
// comments in a JSON file. For tests, offline.
//   node github_script_harness.js SCRIPT_FILE STATE_JSON
// STATE_JSON: {"payload": {...}, "comments": [{"id", "body"}], "fail": null | HTTP status}; it is
// rewritten with the comments afterwards and "calls": the API calls made, in order.
"use strict";

const fs = require("fs");

const [scriptFile, stateFile] = process.argv.slice(2);
const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
state.calls = [];
state.warnings = [];
let nextId = 1000 + state.comments.length;

function refuse() {
  if (state.fail) {
    const error = new Error(`HttpError: Resource not accessible by integration`);
    error.status = state.fail;
    throw error;
  }
}

function checkRepo(params) {
  if (params.owner !== "acme" || params.repo !== "customer-data") {
    throw new Error(`wrong repository ${params.owner}/${params.repo}`);
  }
}

const issues = {
  async listComments(params) {
    checkRepo(params);
    state.calls.push({ call: "listComments", issue_number: params.issue_number });
    refuse();
    // One page of per_page comments; paginate() asks for every page.
    const page = params.page || 1;
    const size = params.per_page || 30;
    return { data: state.comments.slice((page - 1) * size, page * size) };
  },
  async createComment(params) {
    checkRepo(params);
    state.calls.push({ call: "createComment", issue_number: params.issue_number });
    refuse();
    const comment = { id: nextId++, body: params.body };
    state.comments.push(comment);
    return { data: comment };
  },
  async updateComment(params) {
    checkRepo(params);
    state.calls.push({ call: "updateComment", comment_id: params.comment_id });
    refuse();
    const comment = state.comments.find((c) => c.id === params.comment_id);
    if (!comment) throw Object.assign(new Error("Not Found"), { status: 404 });
    comment.body = params.body;
    return { data: comment };
  },
};

const github = {
  rest: { issues },
  async paginate(method, params) {
    const all = [];
    for (let page = 1; ; page++) {
      const { data } = await method({ ...params, page });
      all.push(...data);
      if (data.length < (params.per_page || 30)) return all;
    }
  },
};

const context = {
  repo: { owner: "acme", repo: "customer-data" },
  payload: state.payload,
  runId: 4242,
  serverUrl: "https://github.example",
};

const core = {
  info: (message) => console.log(message),
  warning: (message) => {
    state.warnings.push(String(message));
    console.log(`::warning::${message}`);
  },
  setFailed: (message) => {
    console.log(`::error::${message}`);
    process.exitCode = 1;
  },
};

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const script = fs.readFileSync(scriptFile, "utf8");
new AsyncFunction("require", "github", "context", "core", script)(require, github, context, core)
  .then(
    () => fs.writeFileSync(stateFile, JSON.stringify(state, null, 2)),
    (error) => {
      fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
      console.error(error);
      process.exitCode = 1;
    }
  );
