#include "cli/base_findings_cache.h"

#include "cli/cache_key_text.h"
#include "findings/sha256.h"

namespace steward::cli {

namespace {

constexpr const char* kFormat = "base-fingerprints/2";
constexpr const char* kBaseFindingsPath = "(base findings)";
// An empty entry under base's key alone, saved with every set of rules: some are kept.
constexpr const char* kKeptPath = "(base findings kept)";

// Base's key and the rules it ran, as one entry's key.
std::string key_of_rules(const std::string& key, const gate::RuleIds& rules) {
  std::string description;
  add_key_part(description, key);
  for (const auto& rule : rules)
    add_key_part(description, rule);
  return findings::sha256_hex(description);
}

}  // namespace

std::optional<std::string> base_findings_key(const model::LoadedModel& base,
                                             const config::StewardConfig& config,
                                             const LoadedPacks& packs, const policy::Env& env) {
  if (base.blob_ids.size() != base.parsed.size()) return std::nullopt;
  std::string description;
  for (size_t i = 0; i < base.parsed.size(); ++i) {
    if (base.blob_ids[i].empty()) return std::nullopt;
    add_key_part(description, base.parsed[i]->source->path());
    add_key_part(description, base.blob_ids[i]);
  }
  add_key_part(description, config.source ? config.source->text() : std::string("(defaults)"));
  for (const auto& pack : packs.packs) {
    add_key_part(description, pack->pack().label());
    for (const auto& file : pack->pack().files()) {
      add_key_part(description, file->source->path());
      add_key_part(description, file->source->text());
    }
  }
  add_key_part(description, env.actor);
  for (const auto& label : env.labels)
    add_key_part(description, label);
  add_key_part(description, env.environment);
  add_key_part(description, env.today);
  return findings::sha256_hex(description);
}

std::optional<std::vector<std::string>> load_base_fingerprints(config::BlobCacheStore& store,
                                                               const std::string& key,
                                                               const gate::RuleIds& rules) {
  std::optional<std::string> payload =
      store.load({key_of_rules(key, rules), kBaseFindingsPath, kFormat});
  if (!payload) return std::nullopt;
  std::vector<std::string> fingerprints;
  size_t start = 0;
  while (start < payload->size()) {
    size_t end = payload->find('\n', start);
    if (end == std::string::npos) return std::nullopt;  // every fingerprint ends its line
    fingerprints.push_back(payload->substr(start, end - start));
    start = end + 1;
  }
  return fingerprints;
}

void save_base_fingerprints(config::BlobCacheStore& store, const std::string& key,
                            const gate::RuleIds& rules,
                            const std::vector<std::string>& fingerprints) {
  std::string payload;
  for (const auto& fingerprint : fingerprints) {
    if (fingerprint.find('\n') != std::string::npos) return;  // cannot be written back as lines
    payload += fingerprint;
    payload += '\n';
  }
  store.save({key_of_rules(key, rules), kBaseFindingsPath, kFormat}, payload);
  if (!base_fingerprints_kept(store, key)) store.save({key, kKeptPath, kFormat}, "");
}

bool base_fingerprints_kept(config::BlobCacheStore& store, const std::string& key) {
  return store.load({key, kKeptPath, kFormat}).has_value();
}

}  // namespace steward::cli
