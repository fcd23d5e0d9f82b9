#include "git/repository.h"

#include <string>
#include <system_error>
#include <unordered_set>
#include <vector>

#include "git/internal/git_error.h"
#include "git/internal/loose_objects.h"
#include "git/internal/objects.h"
#include "git/internal/repository_impl.h"
#include "source/input_error.h"

namespace steward::git {

namespace fs = std::filesystem;
using internal::check;
using internal::CommitHandle;
using internal::last_git_message;
using internal::missing_history_fix;
using internal::oid_hex;

namespace {

// Whether `ancestor` is `start` or one of its ancestors, walking only the commits the repository
// has: a parent that a shallow clone cut off ends the walk, as git treats it.
bool reaches(git_repository* repo, const git_oid& start, const git_oid& ancestor) {
  std::vector<git_oid> pending{start};
  std::unordered_set<std::string> seen;
  while (!pending.empty()) {
    git_oid id = pending.back();
    pending.pop_back();
    if (git_oid_equal(&id, &ancestor)) return true;
    if (!seen.insert(oid_hex(id)).second) continue;
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, &id) < 0) continue;  // beyond the shallow boundary
    CommitHandle commit(raw);
    for (unsigned int i = 0; i < git_commit_parentcount(commit.get()); ++i) {
      pending.push_back(*git_commit_parent_id(commit.get(), i));
    }
  }
  return false;
}

}  // namespace

// ---- Impl -------------------------------------------------------------------------------------

bool Repository::Impl::shallow() const {
  if (git_repository_is_shallow(repo.get()) == 1) return true;
  // libgit2 1.5 looks for the `shallow` file in the worktree's own git folder only; git keeps it in
  // the common folder, so a linked worktree of a shallow clone would otherwise look complete.
  std::error_code ec;
  auto size = fs::file_size(fs::path(git_repository_commondir(repo.get())) / "shallow", ec);
  return !ec && size > 0;
}

void Repository::Impl::verify_objects() const {
  if (objects_verified) return;
  internal::guard_loose_objects(repo.get());
  objects_verified = true;
}

std::optional<CommitHandle> Repository::Impl::find_commit(const std::string& rev) const {
  verify_objects();
  internal::check_revision_object(repo.get(), rev);
  git_object* raw = nullptr;
  int code = git_revparse_single(&raw, repo.get(), rev.c_str());
  internal::ObjectHandle object(raw);
  if (code == GIT_ENOTFOUND) return std::nullopt;
  // libgit2 takes a short name that is no ref ("abc") for a too-short commit id and calls it
  // ambiguous; to the user it simply does not exist.
  if (code == GIT_EAMBIGUOUS && rev.size() < GIT_OID_MINPREFIXLEN) return std::nullopt;
  if (code == GIT_EAMBIGUOUS) {
    throw InputError("revision '" + rev + "' is ambiguous: " + last_git_message(),
                     "give more digits of the commit id, or a full ref such as refs/heads/" + rev);
  }
  if (code == GIT_EINVALIDSPEC) {
    throw InputError("'" + rev + "' is not a valid revision: " + last_git_message(),
                     "give one commit: a commit id, branch, tag, or an expression such as HEAD~1 "
                     "(a range such as a..b is not one revision)");
  }
  if (code < 0) {
    // A history cut off by a shallow clone makes "HEAD~5" fail with a missing object rather than
    // GIT_ENOTFOUND; either way the revision is not there to read.
    if (shallow()) return std::nullopt;
    throw InputError("cannot resolve revision '" + rev + "': " + last_git_message(),
                     missing_history_fix(false, rev));
  }
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) < 0) {
    throw InputError("revision '" + rev + "' does not name a commit",
                     "pass a commit, branch or tag (a tree or file cannot be checked)");
  }
  return CommitHandle(reinterpret_cast<git_commit*>(peeled));
}

CommitHandle Repository::Impl::commit(const std::string& rev) const {
  auto found = find_commit(rev);
  if (!found && git_repository_head_unborn(repo.get()) == 1 && rev.starts_with("HEAD")) {
    throw InputError("cannot resolve revision '" + rev + "': the repository has no commits yet",
                     "commit first, or check the files of the work tree without a revision");
  }
  if (!found) {
    bool cut_off = shallow();
    throw InputError("cannot resolve revision '" + rev + "'" +
                         (cut_off ? " (the repository is a shallow clone)" : ""),
                     missing_history_fix(cut_off, rev));
  }
  return std::move(*found);
}

internal::IndexHandle Repository::Impl::index(const fs::path& index_file) const {
  verify_objects();
  git_index* raw = nullptr;
  if (index_file.empty()) {
    check(git_repository_index(&raw, repo.get()), "cannot open the index");
  } else {
    // libgit2 opens a missing index file as an empty index; reading nothing would look like every
    // file had been deleted.
    std::error_code ec;
    if (!fs::is_regular_file(index_file, ec)) {
      throw InputError("the index file '" + index_file.string() + "' does not exist",
                       "unset GIT_INDEX_FILE, or run steward from the hook git started");
    }
    check(git_index_open(&raw, index_file.c_str()),
          "cannot open the index '" + index_file.string() + "'");
  }
  internal::IndexHandle handle(raw);
  // A long-lived Repository would otherwise see the index as it was when first opened.
  check(git_index_read(handle.get(), 0), "cannot read the index");
  return handle;
}

// ---- Repository -------------------------------------------------------------------------------

Repository::Repository(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Repository::Repository(Repository&&) noexcept = default;
Repository& Repository::operator=(Repository&&) noexcept = default;
Repository::~Repository() = default;

std::optional<Repository> Repository::try_discover(const fs::path& start) {
  internal::ensure_libgit2();
  git_repository* raw = nullptr;
  int code = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
  internal::RepositoryHandle repo(raw);
  if (code == GIT_ENOTFOUND) return std::nullopt;
  if (code == GIT_EOWNER) {
    throw InputError("the git repository at '" + start.string() +
                         "' is owned by another user: " + last_git_message(),
                     "if you trust it, run `git config --global --add safe.directory <path>`");
  }
  check(code, "cannot open the git repository at '" + start.string() + "'");
  auto impl = std::make_unique<Impl>();
  impl->repo = std::move(repo);
  return Repository(std::move(impl));
}

Repository Repository::discover(const fs::path& start) {
  if (auto repository = try_discover(start)) return std::move(*repository);
  throw InputError("'" + start.string() + "' is not inside a git repository",
                   "run steward inside a git repository, or check the files of the work tree "
                   "as they are, without --base/--head/--staged");
}

fs::path Repository::workdir() const {
  const char* dir = git_repository_workdir(impl_->repo.get());
  if (dir == nullptr) return {};
  // libgit2 ends the folder with '/'; without it the path compares equal to the usual spelling.
  fs::path root = fs::path(dir).lexically_normal();
  return root.has_filename() ? root : root.parent_path();
}

fs::path Repository::common_dir() const {
  fs::path dir = fs::path(git_repository_commondir(impl_->repo.get())).lexically_normal();
  return dir.has_filename() ? dir : dir.parent_path();
}

std::string Repository::relative_to_workdir(const fs::path& path) const {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(workdir(), ec);
  fs::path target = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path relative = target.lexically_relative(root);
  std::string text = relative.generic_string();
  if (ec || root.empty() || relative.empty() || text == ".." || text.starts_with("../")) {
    throw InputError("'" + path.string() + "' is outside the work tree of the repository at '" +
                         workdir().string() + "'",
                     "run steward from a folder inside the repository");
  }
  if (text == ".") return "";
  while (!text.empty() && text.back() == '/')
    text.pop_back();
  return text;
}

std::string Repository::resolve(const std::string& rev) const {
  return oid_hex(*git_commit_id(impl_->commit(rev).get()));
}

std::optional<std::string> Repository::try_resolve(const std::string& rev) const {
  auto commit = impl_->find_commit(rev);
  if (!commit) return std::nullopt;
  return oid_hex(*git_commit_id(commit->get()));
}

std::optional<std::string> Repository::try_merge_base(const std::string& a,
                                                      const std::string& b) const {
  CommitHandle first = impl_->commit(a);
  CommitHandle second = impl_->commit(b);
  git_oid base;
  int code = git_merge_base(&base, impl_->repo.get(), git_commit_id(first.get()),
                            git_commit_id(second.get()));
  if (code >= 0) return oid_hex(base);
  // Read before any other libgit2 call, which may reset the last error.
  const bool nothing_in_common = internal::no_merge_base(code);
  const std::string problem = last_git_message();
  std::string what = "cannot find the merge-base of '" + a + "' and '" + b + "'";
  if (impl_->shallow()) {
    // libgit2 1.5 fails as soon as its walk reaches a cut-off parent, even when one commit is an
    // ancestor of the other (a base at the shallow boundary); git, and so steward, finds it.
    const git_oid* first_id = git_commit_id(first.get());
    const git_oid* second_id = git_commit_id(second.get());
    if (reaches(impl_->repo.get(), *second_id, *first_id)) return oid_hex(*first_id);
    if (reaches(impl_->repo.get(), *first_id, *second_id)) return oid_hex(*second_id);
    // The common ancestor lies beyond the cut-off history (a walk stops at a missing parent).
    throw InputError(what + ": the repository is a shallow clone", missing_history_fix(true, ""));
  }
  if (nothing_in_common) return std::nullopt;
  // Anything else, a commit missing from the object database included, is a corrupt repository,
  // which must not pass for "no common history" (callers would compare against the wrong base).
  throw InputError(what + ": " + problem,
                   "check that git can read the repository (`git status`, `git fsck`)");
}

std::string Repository::merge_base(const std::string& a, const std::string& b) const {
  if (auto base = try_merge_base(a, b)) return *base;
  throw InputError(
      "cannot find the merge-base of '" + a + "' and '" + b + "': they have no common history",
      "pass the base revision explicitly with --base REV");
}

bool Repository::is_shallow() const {
  return impl_->shallow();
}

}  // namespace steward::git
