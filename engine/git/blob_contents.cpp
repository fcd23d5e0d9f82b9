// Repository::read_contents: the content of a snapshot's files, by blob id, on every core.

#include <algorithm>
#include <span>
#include <thread>
#include <vector>

#include "git/internal/git_error.h"
#include "git/internal/git_handle.h"
#include "git/internal/loose_objects.h"
#include "git/internal/objects.h"
#include "git/internal/repository_impl.h"
#include "source/each_on_own_thread.h"

namespace steward::git {

namespace {

// Below this many blobs a second thread costs more than it saves.
constexpr size_t kBlobsPerThread = 256;

// The files of `snapshot` whose content is to be read: all but those `read_already` holds at the
// same path with the same blob id. Both are sorted by path (read_commit, read_index), so one walk
// finds the files they share.
std::vector<SnapshotFile*> files_to_read(Snapshot& snapshot, const Snapshot* read_already) {
  std::vector<SnapshotFile*> out;
  out.reserve(snapshot.files.size());
  size_t other = 0;
  for (auto& file : snapshot.files) {
    if (read_already) {
      const auto& others = read_already->files;
      while (other < others.size() && others[other].path < file.path)
        ++other;
      if (other < others.size() && others[other].path == file.path && !file.blob_id.empty() &&
          others[other].blob_id == file.blob_id) {
        continue;
      }
    }
    out.push_back(&file);
  }
  return out;
}

void read_each(git_repository* repo, std::span<SnapshotFile* const> files) {
  for (SnapshotFile* file : files) {
    git_oid oid;
    internal::check(git_oid_fromstr(&oid, file->blob_id.c_str()),
                    "cannot read the blob id of '" + file->path + "'");
    file->content = internal::read_blob(repo, oid, file->path);
  }
}

// A repository handle of its own for a reading thread (libgit2's handles are not for sharing
// between threads), with the same guard on loose objects as the first.
internal::RepositoryHandle open_again(git_repository* repo) {
  git_repository* raw = nullptr;
  internal::check(git_repository_open(&raw, git_repository_path(repo)),
                  "cannot open the git repository again");
  internal::RepositoryHandle handle(raw);
  internal::guard_loose_objects(handle.get());
  return handle;
}

}  // namespace

void Repository::read_contents(Snapshot& snapshot, const Snapshot* read_already) const {
  impl_->verify_objects();
  std::vector<SnapshotFile*> files = files_to_read(snapshot, read_already);
  const size_t threads = std::clamp<size_t>(files.size() / kBlobsPerThread, 1,
                                            std::max(1u, std::thread::hardware_concurrency()));
  if (threads == 1) {
    read_each(impl_->repo.get(), files);
    return;
  }
  // Contiguous slices, the first on this thread. A failure is reported as reading one by one
  // would report it: the first file in path order that could not be read.
  const size_t slice = (files.size() + threads - 1) / threads;
  each_on_own_thread(threads, [&](size_t t) {
    const size_t begin = std::min(files.size(), t * slice);
    const size_t end = std::min(files.size(), begin + slice);
    const auto own_slice = std::span(files).subspan(begin, end - begin);
    if (t == 0) return read_each(impl_->repo.get(), own_slice);
    internal::RepositoryHandle own = open_again(impl_->repo.get());
    read_each(own.get(), own_slice);
  });
}

}  // namespace steward::git
