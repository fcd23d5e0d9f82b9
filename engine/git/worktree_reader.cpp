#include "git/worktree_reader.h"

#include <git2.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "git/internal/git_error.h"
#include "source/input_error.h"

namespace steward::git {

namespace fs = std::filesystem;

std::string blob_id_of(std::string_view content) {
  internal::ensure_libgit2();
  git_oid oid;
  if (git_odb_hash(&oid, content.data(), content.size(), GIT_OBJECT_BLOB) != 0) return {};
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

Snapshot read_worktree(const fs::path& root, const PathFilter& filter) {
  Snapshot snapshot{"work tree", "", {}};
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw InputError("cannot read folder '" + root.string() + "': not a directory",
                     "run steward inside the repository, or pass the folder with --repo");
  }
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(root, options, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    // Lexical, because fs::relative resolves symbolic links and would report a linked file under
    // its target's path.
    std::string relative = it->path().lexically_relative(root).generic_string();
    if (it->is_directory(ec)) {
      if (!filter.may_contain(relative)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec) || !filter.accepts(relative)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) throw InputError("cannot read '" + relative + "'", "check the file's permissions");
    std::ostringstream text;
    text << in.rdbuf();
    SnapshotFile file{relative, {}, text.str()};
    file.blob_id = blob_id_of(file.content);
    snapshot.files.push_back(std::move(file));
  }
  if (ec) throw InputError("cannot walk '" + root.string() + "': " + ec.message());
  std::sort(snapshot.files.begin(), snapshot.files.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  return snapshot;
}

}  // namespace steward::git
