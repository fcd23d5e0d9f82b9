#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/pack_loading.h"
#include "config/blob_cache_store.h"
#include "config/steward_config.h"
#include "gate/gate.h"
#include "model/snapshot_loader.h"
#include "policy/policy_input.h"

namespace steward::cli {

// The fingerprints of base's findings, kept between runs: a pull request's base rarely moves, so
// its second and later checks skip evaluating base. The key is everything the fingerprints depend
// on: every base file (path and blob id), head's steward.yaml, the packs' text, `env` and
// steward's version (in the store's header). nullopt key: base cannot be keyed (a file without a
// blob id), so it is evaluated every time.
std::optional<std::string> base_findings_key(const model::LoadedModel& base,
                                             const config::StewardConfig& config,
                                             const LoadedPacks& packs, const policy::Env& env);

// Base's fingerprints of `rules` only (run_gate runs only those at base): one entry per set of
// rules, and a later head whose findings need other rules evaluates base again.
std::optional<std::vector<std::string>> load_base_fingerprints(config::BlobCacheStore& store,
                                                               const std::string& key,
                                                               const gate::RuleIds& rules);
void save_base_fingerprints(config::BlobCacheStore& store, const std::string& key,
                            const gate::RuleIds& rules,
                            const std::vector<std::string>& fingerprints);
// Whether base's fingerprints were saved under `key` for any set of rules.
bool base_fingerprints_kept(config::BlobCacheStore& store, const std::string& key);

// The gate's base fingerprint store for one key of the persistent cache.
class CachedBaseFingerprints : public gate::BaseFingerprintStore {
 public:
  CachedBaseFingerprints(config::BlobCacheStore& store, std::string key)
      : store_(store), key_(std::move(key)) {}
  std::optional<std::vector<std::string>> load(const gate::RuleIds& rules) override {
    return load_base_fingerprints(store_, key_, rules);
  }
  void save(const gate::RuleIds& rules, const std::vector<std::string>& fingerprints) override {
    save_base_fingerprints(store_, key_, rules, fingerprints);
  }
  bool kept() override { return base_fingerprints_kept(store_, key_); }

 private:
  config::BlobCacheStore& store_;
  std::string key_;
};

}  // namespace steward::cli
