#pragma once

#include <string>
#include <vector>

namespace steward::git {

// One file of the customer-data repository at one revision.
struct SnapshotFile {
  std::string path;     // relative to the repository root, '/'-separated
  std::string blob_id;  // git's blob id (sha1 hex) of the content: the key of the parse cache
  std::string content;
};

// A data file (or a folder that may hold some) that steward could not read: a symbolic link that
// leaves the repository, leads nowhere or loops, a folder without permission, a FIFO. The loader
// reports each as a finding at its path, so that what was not read never passes silently. The
// reason never quotes what lies outside the repository.
struct UnreadPath {
  std::string path;  // relative to the repository root, '/'-separated
  std::string reason;
};

// The files steward reads at one revision: a commit, the index, or the work tree.
struct Snapshot {
  std::string label;                // "head", "base", "index", "work tree"
  std::string revision;             // the commit id, or empty for the index and the work tree
  std::vector<SnapshotFile> files;  // sorted by path
  std::vector<UnreadPath> unread;   // sorted by path
};

}  // namespace steward::git
