#include "git/pack_fetch.h"

#include <git2.h>

#include <algorithm>

#include "git/internal/git_error.h"
#include "git/internal/git_handle.h"
#include "git/internal/objects.h"
#include "source/input_error.h"

namespace steward::git {

namespace fs = std::filesystem;
using internal::last_git_message;

namespace {

using RemoteHandle = internal::GitHandle<git_remote, git_remote_free>;

// The bare clone at `folder`, created when `create` and missing; null when missing.
internal::RepositoryHandle open_clone(const fs::path& folder, bool create) {
  internal::ensure_libgit2();
  git_repository* raw = nullptr;
  std::error_code ec;
  if (fs::exists(folder / "HEAD", ec)) {
    internal::check(git_repository_open_bare(&raw, folder.string().c_str()),
                    "cannot open steward's clone of a pack in " + folder.string());
    return internal::RepositoryHandle(raw);
  }
  if (!create) return nullptr;
  fs::create_directories(folder.parent_path(), ec);
  internal::check(git_repository_init(&raw, folder.string().c_str(), 1),
                  "cannot create steward's clone of a pack in " + folder.string());
  return internal::RepositoryHandle(raw);
}

// The commit `ref` names in `repo`: a full commit id, a tag, or a fetched branch.
std::optional<std::string> resolve(git_repository* repo, const std::string& ref) {
  std::vector<std::string> names;
  if (is_commit_id(ref)) names.push_back(ref);
  names.push_back("refs/tags/" + ref);
  names.push_back("refs/remotes/origin/" + ref);
  for (const auto& name : names) {
    git_object* raw = nullptr;
    if (git_revparse_single(&raw, repo, name.c_str()) < 0) continue;
    internal::ObjectHandle object(raw);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) < 0) continue;
    internal::ObjectHandle commit(peeled);
    return internal::oid_hex(*git_object_id(commit.get()));
  }
  return std::nullopt;
}

struct TreeWalk {
  git_repository* repo;
  std::string url;
  size_t max_file_bytes;
  std::vector<PackFile> files;
  // A problem found in the callback: thrown after the walk, never through libgit2's C frames.
  std::optional<InputError> error;
};

int collect(const char* root, const git_tree_entry* entry, void* payload) {
  auto& walk = *static_cast<TreeWalk*>(payload);
  std::string name = git_tree_entry_name(entry);
  std::string path = std::string(root) + name;
  // Fixture trees hold data, not policies: skipped as in a local pack.
  if (git_tree_entry_type(entry) == GIT_OBJECT_TREE)
    return *root == '\0' && name == "tests" ? 1 : 0;
  if (git_tree_entry_filemode(entry) != GIT_FILEMODE_BLOB &&
      git_tree_entry_filemode(entry) != GIT_FILEMODE_BLOB_EXECUTABLE) {
    return 0;  // symbolic links and submodules are not followed
  }
  if (!path.ends_with(".policy")) return 0;
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, walk.repo, git_tree_entry_id(entry)) < 0) {
    walk.error.emplace("cannot read " + path + " of the pack " + walk.url + ": " +
                       last_git_message());
    return -1;
  }
  internal::BlobHandle blob(raw);
  auto size = static_cast<size_t>(git_blob_rawsize(blob.get()));
  if (size > walk.max_file_bytes) {
    walk.error.emplace("policy file " + path + " of the pack " + walk.url + " is " +
                           std::to_string(size) + " bytes; steward reads policy files of up to " +
                           std::to_string(walk.max_file_bytes) + " bytes (limit: policy file size)",
                       "split the pack into smaller files");
    return -1;
  }
  walk.files.push_back(
      {path, std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())), size)});
  return 0;
}

}  // namespace

bool is_commit_id(const std::string& text) {
  return text.size() == 40 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

PackCache::PackCache(fs::path folder) : folder_(std::move(folder)) {}

fs::path PackCache::clone_folder(const std::string& url) const {
  internal::ensure_libgit2();
  git_oid digest;
  git_odb_hash(&digest, url.data(), url.size(), GIT_OBJECT_BLOB);
  return folder_ / internal::oid_hex(digest);
}

std::string PackCache::fetch(const std::string& url, const std::string& ref) const {
  internal::RepositoryHandle repo = open_clone(clone_folder(url), true);
  git_remote* raw = nullptr;
  internal::check(git_remote_create_anonymous(&raw, repo.get(), url.c_str()),
                  "cannot fetch the pack " + url);
  RemoteHandle remote(raw);
  git_fetch_options options;
  git_fetch_options_init(&options, GIT_FETCH_OPTIONS_VERSION);
  options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL;
  options.prune = GIT_FETCH_PRUNE;
  char heads[] = "+refs/heads/*:refs/remotes/origin/*";
  char tags[] = "+refs/tags/*:refs/tags/*";
  char* specs[] = {heads, tags};
  git_strarray refspecs = {specs, 2};
  if (git_remote_fetch(remote.get(), &refspecs, &options, "steward packs fetch") < 0) {
    throw InputError("cannot fetch the pack " + url + ": " + last_git_message(),
                     "check the URL and that this machine can reach it (`git ls-remote " + url +
                         "`); a pack already fetched is used offline with `--offline`");
  }
  auto commit = resolve(repo.get(), ref);
  if (!commit) {
    throw InputError("the pack " + url + " has no tag, branch or commit '" + ref + "'",
                     "pin a tag or a full commit id that the repository has (`git ls-remote " +
                         url + "` lists them)");
  }
  return *commit;
}

std::optional<std::string> PackCache::resolve_cached(const std::string& url,
                                                     const std::string& ref) const {
  internal::RepositoryHandle repo = open_clone(clone_folder(url), false);
  if (!repo) return std::nullopt;
  return resolve(repo.get(), ref);
}

bool PackCache::has_commit(const std::string& url, const std::string& commit) const {
  internal::RepositoryHandle repo = open_clone(clone_folder(url), false);
  if (!repo || !is_commit_id(commit)) return false;
  git_oid id;
  if (git_oid_fromstr(&id, commit.c_str()) < 0) return false;
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo.get(), &id) < 0) return false;
  git_commit_free(raw);
  return true;
}

std::vector<PackFile> PackCache::read_pack(const std::string& url, const std::string& commit,
                                           const std::string& path, size_t max_file_bytes) const {
  internal::RepositoryHandle repo = open_clone(clone_folder(url), false);
  git_oid id;
  git_commit* raw_commit = nullptr;
  if (!repo || git_oid_fromstr(&id, commit.c_str()) < 0 ||
      git_commit_lookup(&raw_commit, repo.get(), &id) < 0) {
    throw InputError("steward's cache has no commit " + commit + " of the pack " + url,
                     "run `steward packs fetch`");
  }
  internal::CommitHandle commit_handle(raw_commit);
  git_tree* raw_tree = nullptr;
  internal::check(git_commit_tree(&raw_tree, commit_handle.get()),
                  "cannot read commit " + commit + " of the pack " + url);
  internal::TreeHandle tree(raw_tree);
  if (!path.empty()) {
    git_tree_entry* raw_entry = nullptr;
    if (git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str()) < 0) {
      throw InputError("the pack " + url + " has no folder '" + path + "' at commit " + commit,
                       "fix the path after `#` in steward.yaml");
    }
    internal::TreeEntryHandle entry(raw_entry);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) {
      throw InputError("'" + path + "' of the pack " + url + " is not a folder",
                       "the path after `#` names the folder of the pack's .policy files");
    }
    git_tree* raw_sub = nullptr;
    internal::check(git_tree_lookup(&raw_sub, repo.get(), git_tree_entry_id(entry.get())),
                    "cannot read '" + path + "' of the pack " + url);
    tree.reset(raw_sub);
  }
  TreeWalk walk{repo.get(), url, max_file_bytes, {}, std::nullopt};
  int code = git_tree_walk(tree.get(), GIT_TREEWALK_PRE, collect, &walk);
  if (walk.error) throw *walk.error;
  internal::check(code, "cannot read the pack " + url);
  std::sort(walk.files.begin(), walk.files.end(),
            [](const PackFile& a, const PackFile& b) { return a.path < b.path; });
  return walk.files;
}

}  // namespace steward::git
