#include "git/internal/objects.h"

#include "git/internal/git_error.h"
#include "git/internal/git_handle.h"
#include "git/internal/loose_objects.h"
#include "source/input_error.h"

namespace steward::git::internal {

std::string oid_hex(const git_oid& oid) {
  char text[GIT_OID_HEXSZ + 1];
  git_oid_tostr(text, sizeof text, &oid);
  return text;
}

std::string read_blob(git_repository* repo, const git_oid& oid, const std::string& path) {
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &oid) < 0) {
    std::string message = last_git_message();
    // A damaged loose object is there to restore, not missing (internal/loose_objects.h).
    bool damaged = message.find(" is damaged: ") != std::string::npos;
    throw InputError("cannot read '" + path + "' (blob " + oid_hex(oid) + "): " + message,
                     damaged
                         ? kDamagedObjectFix
                         : "fetch the missing objects (`git fetch`), or clone without --filter");
  }
  BlobHandle blob(raw);
  const char* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::string(data, static_cast<size_t>(git_blob_rawsize(blob.get())));
}

}  // namespace steward::git::internal
