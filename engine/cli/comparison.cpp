#include "cli/comparison.h"

#include <iostream>

#include "git/default_base.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

Revision head_revision(const RevisionOptions& options) {
  if (options.staged) return Revision::index();
  if (!options.head.empty()) return Revision::commit(options.head, "head");
  return Revision::work_tree();
}

// The base commit, or empty to compare nothing. An explicit --base, or a CI variable naming the
// target branch, must be found (a missing one is an error with the fix); a local run with no main
// branch to compare against says so on standard error and checks head alone.
std::string base_commit(const RevisionOptions& options, const Project& project,
                        bool require_base) {
  if (options.no_base) return {};
  if (!options.base.empty()) return project.repository().resolve(options.base);
  if (!project.in_git()) {
    if (require_base) project.repository();  // throws: not a git repository, with the fix
    return {};
  }
  git::Environment environment = git::Environment::from_process();
  bool ci_target = !environment.github_base_ref.empty() ||
                   !environment.gitlab_diff_base_sha.empty() ||
                   !environment.gitlab_target_branch.empty();
  try {
    return git::default_base(project.repository(), environment);
  } catch (const InputError& e) {
    if (ci_target || require_base) throw;
    std::cerr << "note: no base revision to compare against (" << e.what()
              << "); checking head alone. Pass --base REV to compare.\n";
    return {};
  }
}

}  // namespace

std::unique_ptr<Comparison> load_comparison(const RevisionOptions& options, bool require_base) {
  Project project = Project::open(options.dir);
  Revision head = head_revision(options);
  auto comparison = std::make_unique<Comparison>();
  comparison->config = project.read_config(head);
  comparison->head = model::load_snapshot(project.read(head, comparison->config),
                                          &comparison->cache);
  comparison->base_commit = base_commit(options, project, require_base);
  if (!comparison->base_commit.empty()) {
    Revision base = Revision::commit(comparison->base_commit, "base");
    comparison->base = model::load_snapshot(project.read(base, comparison->config),
                                            &comparison->cache);
  }
  return comparison;
}

}  // namespace steward::cli
