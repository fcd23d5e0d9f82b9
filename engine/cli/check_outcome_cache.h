#pragma once

#include <optional>
#include <string>

#include "cli/pack_loading.h"
#include "config/blob_cache_store.h"
#include "config/steward_config.h"
#include "gate/outcome.h"
#include "git/snapshot.h"
#include "policy/policy_input.h"

namespace steward::cli {

// Everything a check's outcome depends on. The snapshots name every file steward read (path and
// blob id) and every path it could not read; the data files' content is in their blob ids.
struct CheckOutcomeInputs {
  const git::Snapshot* head = nullptr;
  const git::Snapshot* base = nullptr;  // null: no base
  const config::StewardConfig* config = nullptr;
  const LoadedPacks* packs = nullptr;
  const policy::Env* env = nullptr;
  bool new_only = false;
};

// The key of a check's outcome in the persistent cache: a digest of this build of steward
// (build_identity), head's and base's files (label, each path with its blob id, each unread path
// with its reason), steward.yaml's text, every pack's files and text, `env` (actor, labels,
// environment, today's date, the coverage minimum) and --new-only. fail_on, the formats and colours
// are applied to the outcome each run, so they are not in it.
std::string check_outcome_key(const CheckOutcomeInputs& inputs);

// The outcome saved under `key`, or nullopt (never saved, or an entry that does not decode).
std::optional<gate::CheckOutcome> load_check_outcome(config::BlobCacheStore& store,
                                                     const std::string& key);
void save_check_outcome(config::BlobCacheStore& store, const std::string& key,
                        const gate::OutcomeParts& outcome);

// This build of steward: its version and the GNU build id the linker wrote into the executable (a
// digest of its code), else the executable's size and modification time. A rebuilt steward whose
// rules or evaluation changed must not reuse what an older build decided under the same version.
const std::string& build_identity();

}  // namespace steward::cli
