// Unit tests of ci-templates/github/comment.js (node's own test runner, offline):
//   node --test tests/ci/comment_test.js        (STEWARD_SOURCE_DIR: the source folder)
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const test = require("node:test");

const source = process.env.STEWARD_SOURCE_DIR || path.join(__dirname, "..", "..");
const postComment = require(path.join(source, "ci-templates", "github", "comment.js"));
const { MARKER, commentBody } = postComment;

function fakeGitHub(comments, { failWith } = {}) {
  const calls = [];
  let nextId = 5000;
  const refuse = () => {
    if (failWith) throw Object.assign(new Error("Resource not accessible by integration"), { status: failWith });
  };
  const issues = {
    async listComments(p) {
      calls.push(["list", p.page]);
      refuse();
      return { data: comments.slice((p.page - 1) * p.per_page, p.page * p.per_page) };
    },
    async createComment(p) {
      calls.push(["create"]);
      refuse();
      const c = { id: nextId++, body: p.body };
      comments.push(c);
      return { data: c };
    },
    async updateComment(p) {
      calls.push(["update", p.comment_id]);
      refuse();
      comments.find((c) => c.id === p.comment_id).body = p.body;
      return { data: {} };
    },
  };
  return {
    calls,
    github: {
      rest: { issues },
      async paginate(method, params) {
        const all = [];
        for (let page = 1; ; page++) {
          const { data } = await method({ ...params, page });
          all.push(...data);
          if (data.length < params.per_page) return all;
        }
      },
    },
  };
}

const context = {
  repo: { owner: "acme", repo: "data" },
  payload: { pull_request: { number: 3 } },
  runId: 9,
  serverUrl: "https://github.example",
};

function quietCore() {
  const warnings = [];
  return { warnings, info() {}, warning: (m) => warnings.push(m) };
}

// Every report file's folder, removed when the tests end (each run used to leave one behind).
const reportFolders = [];
test.after(() => {
  for (const dir of reportFolders) fs.rmSync(dir, { recursive: true, force: true });
});

function reportFile(text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "steward-comment-"));
  reportFolders.push(dir);
  const file = path.join(dir, "steward-comment.md");
  fs.writeFileSync(file, text);
  return file;
}

test("the marker is the one steward's Markdown report starts with", () => {
  assert.equal(MARKER, "<!-- steward:report -->");
});

test("a report without the marker gets it first", () => {
  const body = commentBody("### steward: passed\n", "0", "https://run");
  assert.ok(body.startsWith(MARKER + "\n### steward"));
});

test("a report with the marker keeps one", () => {
  const body = commentBody(`${MARKER}\n### x\n`, "0", "https://run");
  assert.equal(body.split(MARKER).length - 1, 1);
});

test("a report over GitHub's limit is cut at a line, with a note and the run's link", () => {
  const line = "- `a.yaml:1` **rule**: message\n";
  const body = commentBody(MARKER + "\n" + line.repeat(5000), "1", "https://run/1");
  assert.ok(body.length <= 65536);
  assert.ok(body.includes("too long for a comment"));
  assert.ok(body.includes("https://run/1"));
  assert.ok(body.split("…")[0].trimEnd().endsWith("message"));
});

test("no report: the comment says steward could not check, with the exit code", () => {
  assert.match(commentBody(null, "2", "https://run"), /could not check[\s\S]*exit code 2/);
  assert.match(commentBody(null, "", "https://run"), /steward did not run/);
});

test("the marked comment is found on a later page and updated, not duplicated", async () => {
  const comments = [];
  for (let i = 0; i < 150; i++) comments.push({ id: i + 1, body: `comment ${i}` });
  comments.push({ id: 999, body: `${MARKER}\nold report` });
  comments.push({ id: 1000, body: `> ${MARKER}\nsomeone quoting it` });
  const { github, calls } = fakeGitHub(comments);
  const env = { STEWARD_REPORT: reportFile(`${MARKER}\nnew report\n`), STEWARD_EXIT_CODE: "0" };
  assert.equal(await postComment({ github, context, core: quietCore(), env }), "updated");
  assert.deepEqual(calls, [["list", 1], ["list", 2], ["update", 999]]);
  assert.equal(comments.find((c) => c.id === 999).body, `${MARKER}\nnew report\n`);
  assert.equal(comments.length, 152);
});

test("an unchanged report is not written again", async () => {
  const body = `${MARKER}\nsame\n`;
  const { github, calls } = fakeGitHub([{ id: 1, body }]);
  const env = { STEWARD_REPORT: reportFile(body), STEWARD_EXIT_CODE: "0" };
  assert.equal(await postComment({ github, context, core: quietCore(), env }), "unchanged");
  assert.deepEqual(calls, [["list", 1]]);
});

test("no marked comment: one is created", async () => {
  const comments = [{ id: 1, body: "hello" }];
  const { github, calls } = fakeGitHub(comments);
  const env = { STEWARD_REPORT: reportFile(`${MARKER}\nr\n`), STEWARD_EXIT_CODE: "1" };
  assert.equal(await postComment({ github, context, core: quietCore(), env }), "created");
  assert.deepEqual(calls, [["list", 1], ["create"]]);
  assert.equal(comments.length, 2);
});

test("a read-only token (a fork) is a warning, not a failure", async () => {
  const { github } = fakeGitHub([], { failWith: 403 });
  const core = quietCore();
  const env = { STEWARD_REPORT: reportFile(`${MARKER}\nr\n`), STEWARD_EXIT_CODE: "1" };
  assert.equal(await postComment({ github, context, core, env }), "forbidden");
  assert.match(core.warnings[0], /read-only/);
});

test("another API error fails the step", async () => {
  const { github } = fakeGitHub([], { failWith: 500 });
  const env = { STEWARD_REPORT: reportFile(`${MARKER}\nr\n`), STEWARD_EXIT_CODE: "1" };
  await assert.rejects(postComment({ github, context, core: quietCore(), env }));
});

test("not a pull request: nothing is posted", async () => {
  const { github, calls } = fakeGitHub([]);
  const push = { ...context, payload: {} };
  assert.equal(await postComment({ github, context: push, core: quietCore(), env: {} }), "skipped");
  assert.deepEqual(calls, []);
});
