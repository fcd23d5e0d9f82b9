#include "cli/comparison.h"

#include <iostream>
#include <optional>

#include "diff/schema_versions.h"
#include "git/default_base.h"
#include "source/input_error.h"

namespace steward::cli {

namespace fs = std::filesystem;

namespace {

Revision head_revision(const RevisionOptions& options) {
  if (options.staged) return Revision::index();
  if (!options.head.empty()) return Revision::commit(options.head, "head");
  return Revision::work_tree();
}

// The base of an explicit --base REV: as in `git diff REV...HEAD`, the merge-base of REV and the
// head commit (--head, else HEAD), so that commits the target branch gained after head left it are
// not reported as changes that head reverts. That is REV itself when it is an ancestor of head.
// With no head commit yet, or no common history, REV as it is; a shallow clone that lacks the
// history between them is an error that says how to fetch it.
std::string explicit_base(const RevisionOptions& options, const git::Repository& repository) {
  std::string base = repository.resolve(options.base);
  const std::string head_rev = options.head.empty() ? "HEAD" : options.head;
  std::optional<std::string> head = repository.try_resolve(head_rev);
  if (!head || *head == base) return base;
  // Only "no common history" falls back to REV; a corrupt repository is an error, not that.
  return repository.try_merge_base(options.base, head_rev).value_or(base);
}

// Whether the repository has a branch the default base is taken from.
bool has_main_branch(const git::Repository& repository) {
  for (const char* branch : {"origin/main", "main", "master"}) {
    if (repository.try_resolve(branch)) return true;
  }
  return false;
}

// The base commit, or empty to compare nothing. An explicit --base, a CI variable naming the
// target branch, or a main branch must lead to a base (a missing one is an error with the fix, as
// is a merge-base that a shallow clone lacks); only a local run with no main branch to compare
// against says so on standard error and checks head alone. In CI (GitHub Actions, GitLab CI) head
// alone needs an explicit --no-base.
std::string base_commit(const RevisionOptions& options, const Project& project, bool require_base) {
  if (options.no_base) return {};
  if (!options.base.empty()) return explicit_base(options, project.repository());
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
    if (!environment.ci_system.empty() && !ci_target) {
      // A push job (no pull request, no target branch) in a shallow clone: checking head alone
      // would pass what the change breaks, so CI must ask for it.
      throw InputError(std::string(e.what()) + "; in " + environment.ci_system +
                           " without a target branch there is no base to compare against",
                       e.fix() + "; or check head alone on purpose with --no-base");
    }
    if (ci_target || require_base || has_main_branch(project.repository())) throw;
    std::cerr << "note: no base revision to compare against (" << e.what()
              << "); checking head alone. Pass --base REV to compare.\n";
    return {};
  }
}

}  // namespace

ComparisonFiles read_comparison(const RevisionOptions& options, bool require_base) {
  ComparisonFiles files;
  files.project = std::make_unique<Project>(Project::open(options.dir));
  const Project& project = *files.project;
  Revision head = head_revision(options);
  constexpr auto ids_only = git::Repository::Content::ids_only;
  files.store = open_cache_store(options.cache, project);
  files.config = project.read_config(head);
  // Relative to the working folder when it can be, so that a pack's errors name its files as the
  // user wrote them (policies/x.policy), not by an absolute path.
  std::error_code ec;
  fs::path relative = fs::proximate(project.dir(), ec);
  files.project_dir = ec || relative.empty() ? project.dir() : relative;
  files.boundary = project.boundary();
  files.pack_clones = pack_clone_folder(options.cache, project);
  files.head = project.read(head, files.config, ids_only);
  files.head_content_read = head.kind == Revision::Kind::work_tree;
  project.require_data(files.head, files.config);
  files.base_commit = base_commit(options, project, require_base);
  if (!files.base_commit.empty()) {
    files.base = project.read(Revision::commit(files.base_commit, "base"), files.config, ids_only);
    files.base_content_read = false;
  }
  return files;
}

std::unique_ptr<Comparison> load_comparison(ComparisonFiles files) {
  if (!files.head_content_read) files.project->read_contents(files.head);
  // Base's files that head has unchanged are parsed once, from head's text (load_snapshots).
  if (files.base && !files.base_content_read)
    files.project->read_contents(*files.base, &files.head);
  auto comparison = std::make_unique<Comparison>();
  comparison->store = std::move(files.store);
  comparison->cache.use_store(comparison->store.get(), parse_codec());
  comparison->config = std::move(files.config);
  comparison->project_dir = std::move(files.project_dir);
  comparison->boundary = std::move(files.boundary);
  comparison->pack_clones = std::move(files.pack_clones);
  comparison->base_commit = std::move(files.base_commit);
  // Both revisions in one pass: a file they share is parsed once and its tree released as soon
  // as both models have read it, instead of every tree being held until base's model is built.
  std::vector<git::Snapshot> snapshots;
  snapshots.push_back(std::move(files.head));
  if (files.base) snapshots.push_back(std::move(*files.base));
  std::vector<model::LoadedModel> loaded =
      model::load_snapshots(std::move(snapshots), &comparison->cache);
  comparison->head = std::move(loaded.front());
  diff::check_schema_versions(comparison->head.model, comparison->head.diagnostics);
  if (loaded.size() > 1) {
    comparison->base = std::move(loaded[1]);
    diff::check_schema_versions(comparison->base->model, comparison->base->diagnostics);
    diff::check_schema_versions_between(comparison->base->model, comparison->head.model,
                                        comparison->head.diagnostics);
  }
  return comparison;
}

std::unique_ptr<Comparison> load_comparison(const RevisionOptions& options, bool require_base) {
  return load_comparison(read_comparison(options, require_base));
}

}  // namespace steward::cli
