// Creates or updates the one pull-request comment that holds steward's report. Run by the action
// through actions/github-script:
//   const postComment = require(process.env.STEWARD_COMMENT_SCRIPT);
//   await postComment({ github, context, core });
// Inputs from the environment: STEWARD_REPORT (the Markdown report, may be missing when steward
// could not run) and STEWARD_EXIT_CODE (empty when steward did not run).
//
// The comment is found by the hidden marker at the start of its body, so a re-run, or a new push to
// the pull request, edits it instead of adding another. A token that may not comment (a pull
// request from a fork gets a read-only one) is a warning, not a failure: the verdict is steward's
// exit code.
"use strict";

const fs = require("fs");

const MARKER = "<!-- steward:report -->";
// GitHub refuses comment bodies over 65,536 characters; keep room for the note that says so.
const MAX_BODY = 65000;

function runUrl(context) {
  const server = context.serverUrl || "https://github.com";
  return `${server}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`;
}

function readReport(path) {
  if (!path) return null;
  try {
    const text = fs.readFileSync(path, "utf8");
    return text.trim() === "" ? null : text;
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}

// The comment's body: the report with the marker first, cut to GitHub's limit, or a note that
// steward could not check the change.
function commentBody(report, exitCode, logUrl) {
  if (report === null) {
    const why =
      exitCode === undefined || exitCode === ""
        ? "steward did not run"
        : `steward stopped with exit code ${exitCode} before writing its report`;
    return `${MARKER}\n### ⚠️ steward could not check this pull request\n\n${why}: see [the job log](${logUrl}).\n`;
  }
  let body = report.trimStart().startsWith(MARKER) ? report.trimStart() : `${MARKER}\n${report}`;
  if (body.length > MAX_BODY) {
    const note = `\n\n…the report is too long for a comment: the rest is in [the job summary](${logUrl}).\n`;
    let cut = body.lastIndexOf("\n", MAX_BODY - note.length);
    if (cut <= MARKER.length) cut = MAX_BODY - note.length;
    body = body.slice(0, cut) + note;
  }
  return body;
}

function isOurs(comment) {
  return typeof comment.body === "string" && comment.body.trimStart().startsWith(MARKER);
}

async function postComment({ github, context, core, env = process.env }) {
  const pull = context.payload && context.payload.pull_request;
  if (!pull) {
    core.info("steward: not a pull request, no comment");
    return "skipped";
  }
  const { owner, repo } = context.repo;
  const body = commentBody(readReport(env.STEWARD_REPORT), env.STEWARD_EXIT_CODE, runUrl(context));
  try {
    const comments = await github.paginate(github.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pull.number,
      per_page: 100,
    });
    const existing = comments.find(isOurs);
    if (existing) {
      if (existing.body === body) {
        core.info(`steward: comment ${existing.id} is up to date`);
        return "unchanged";
      }
      await github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      core.info(`steward: updated comment ${existing.id}`);
      return "updated";
    }
    const created = await github.rest.issues.createComment({
      owner,
      repo,
      issue_number: pull.number,
      body,
    });
    core.info(`steward: created comment ${created.data.id}`);
    return "created";
  } catch (error) {
    if (error && (error.status === 403 || error.status === 404)) {
      core.warning(
        "steward: cannot comment on the pull request (the token is read-only, as for a pull request " +
          "from a fork, or the job lacks `permissions: pull-requests: write`): " +
          error.message
      );
      return "forbidden";
    }
    throw error;
  }
}

module.exports = postComment;
module.exports.MARKER = MARKER;
module.exports.commentBody = commentBody;
