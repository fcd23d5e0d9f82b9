#include "git/worktree_reader.h"

#include <git2.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "git/internal/git_error.h"
#include "git/internal/objects.h"
#include "source/input_error.h"

namespace steward::git {

namespace fs = std::filesystem;

namespace {

// Whether `path` (canonical) is `folder` (canonical) or lies below it.
bool inside(const fs::path& path, const fs::path& folder) {
  return std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first ==
         folder.end();
}

std::string failure(const std::string& what, const std::error_code& ec) {
  return what + " (" + ec.message() + ")";
}

class WorktreeWalk {
 public:
  WorktreeWalk(const fs::path& root, const PathFilter& filter, const fs::path& boundary)
      : root_(root), filter_(filter) {
    std::error_code ec;
    boundary_ = fs::canonical(boundary.empty() ? root : boundary, ec);
    if (ec) boundary_ = fs::absolute(root).lexically_normal();
  }

  Snapshot walk() {
    std::vector<fs::path> pending{root_};
    while (!pending.empty()) {
      fs::path folder = pending.back();
      pending.pop_back();
      visit_folder(folder, pending);
    }
    std::sort(snapshot_.files.begin(), snapshot_.files.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    std::sort(snapshot_.unread.begin(), snapshot_.unread.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    return std::move(snapshot_);
  }

 private:
  // Lexical, because fs::relative resolves symbolic links and would report a linked file under
  // its target's path.
  std::string relative(const fs::path& path) const {
    return path.lexically_relative(root_).generic_string();
  }

  void unread(const std::string& path, std::string reason) {
    snapshot_.unread.push_back({path, std::move(reason)});
  }

  void visit_folder(const fs::path& folder, std::vector<fs::path>& pending) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
      unread(relative(folder), failure("steward cannot open this folder", ec));
      return;
    }
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      visit_entry(it->path(), pending);
    }
    if (ec) unread(relative(folder), failure("steward cannot list this folder", ec));
  }

  void visit_entry(const fs::path& path, std::vector<fs::path>& pending) {
    std::string name = relative(path);
    std::error_code ec;
    fs::file_status status = fs::symlink_status(path, ec);
    if (fs::is_directory(status)) {
      // A submodule (or any nested repository) is another repository: its files are not in this
      // one's commits, so the work tree does not read them either.
      if (!filter_.may_contain(name) || fs::exists(fs::symlink_status(path / ".git", ec))) return;
      pending.push_back(path);
      return;
    }
    if (!filter_.accepts(name)) return;
    if (fs::is_symlink(status)) {
      read_link(path, name);
    } else if (fs::is_regular_file(status)) {
      read_file(path, name);
    } else {
      unread(name, "not a regular file (a FIFO, socket or device), so steward does not read it");
    }
  }

  void read_link(const fs::path& path, const std::string& name) {
    std::error_code ec;
    fs::path target = fs::canonical(path, ec);
    if (ec) {
      unread(name, ec == std::errc::too_many_symbolic_link_levels ? internal::kLinkLoops
                                                                  : internal::kLinkNowhere);
    } else if (!inside(target, boundary_)) {
      unread(name, internal::kLinkOutside);
    } else if (!fs::is_regular_file(target, ec)) {
      unread(name, internal::kLinkNotFile);
    } else {
      read_file(target, name);
    }
  }

  void read_file(const fs::path& path, const std::string& name) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad()) {
      unread(name, "steward cannot read this file (check its permissions)");
      return;
    }
    SnapshotFile file{name, {}, text.str()};
    file.blob_id = blob_id_of(file.content);
    snapshot_.files.push_back(std::move(file));
  }

  fs::path root_;
  const PathFilter& filter_;
  fs::path boundary_;
  Snapshot snapshot_{"work tree", "", {}, {}};
};

}  // namespace

std::string blob_id_of(std::string_view content) {
  internal::ensure_libgit2();
  git_oid oid;
  if (git_odb_hash(&oid, content.data(), content.size(), GIT_OBJECT_BLOB) != 0) return {};
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

Snapshot read_worktree(const fs::path& root, const PathFilter& filter, const fs::path& boundary) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw InputError("cannot read folder '" + root.string() + "': not a directory",
                     "run steward inside the repository, or pass the folder with -C DIR");
  }
  return WorktreeWalk(root, filter, boundary).walk();
}

}  // namespace steward::git
