#include "cli/check_outcome_cache.h"

#include <link.h>
#include <sys/stat.h>

#include <cstring>

#include "cli/cache_key_text.h"
#include "findings/sha256.h"

namespace steward::cli {

namespace {

constexpr const char* kOutcomePath = "(check outcome)";

std::string format() {
  return "check-outcome/" + std::to_string(gate::kOutcomeCodecVersion);
}

void add_snapshot(std::string& description, const git::Snapshot* snapshot) {
  if (!snapshot) {
    add_key_part(description, "(none)");
    return;
  }
  add_key_part(description, snapshot->label);
  add_key_part(description, std::to_string(snapshot->files.size()));
  for (const auto& file : snapshot->files) {
    add_key_part(description, file.path);
    add_key_part(description, file.blob_id);
  }
  add_key_part(description, std::to_string(snapshot->unread.size()));
  for (const auto& unread : snapshot->unread) {
    add_key_part(description, unread.path);
    add_key_part(description, unread.reason);
  }
}

// The GNU build id of the main program, as hex; empty when it has none. dl_iterate_phdr reports
// the main program first.
int read_build_id(dl_phdr_info* info, size_t, void* data) {
  auto& hex = *static_cast<std::string*>(data);
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
    const char* end = at + header.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const char* name = at + sizeof note;
      const char* desc = name + ((note.n_namesz + 3) & ~3u);
      at = desc + ((note.n_descsz + 3) & ~3u);
      if (at > end) break;
      if (note.n_type != NT_GNU_BUILD_ID || note.n_namesz != 4 || std::memcmp(name, "GNU", 4))
        continue;
      static const char digits[] = "0123456789abcdef";
      for (uint32_t b = 0; b < note.n_descsz; ++b) {
        const auto byte = static_cast<unsigned char>(desc[b]);
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
      }
      return 1;
    }
  }
  return 1;  // only the main program
}

}  // namespace

const std::string& build_identity() {
  static const std::string identity = [] {
    std::string id;
    dl_iterate_phdr(read_build_id, &id);
    if (!id.empty()) return std::string(STEWARD_VERSION) + " build " + id;
    struct stat executable {};
    if (stat("/proc/self/exe", &executable) != 0) return std::string(STEWARD_VERSION);
    return std::string(STEWARD_VERSION) + " size " + std::to_string(executable.st_size) +
           " modified " + std::to_string(executable.st_mtim.tv_sec) + "." +
           std::to_string(executable.st_mtim.tv_nsec);
  }();
  return identity;
}

std::string check_outcome_key(const CheckOutcomeInputs& inputs) {
  std::string description;
  add_key_part(description, build_identity());
  add_snapshot(description, inputs.head);
  add_snapshot(description, inputs.base);
  const config::StewardConfig& config = *inputs.config;
  add_key_part(description, config.source ? config.source->path() : std::string("(no file)"));
  add_key_part(description, config.source ? config.source->text() : std::string("(defaults)"));
  for (const auto& pack : inputs.packs->packs) {
    add_key_part(description, pack->pack().label());
    for (const auto& file : pack->pack().files()) {
      add_key_part(description, file->source->path());
      add_key_part(description, file->source->text());
    }
  }
  const policy::Env& env = *inputs.env;
  add_key_part(description, env.actor);
  add_key_part(description, std::to_string(env.labels.size()));
  for (const auto& label : env.labels)
    add_key_part(description, label);
  add_key_part(description, env.environment);
  add_key_part(description, env.today);
  add_key_part(description, env.coverage_minimum ? std::to_string(*env.coverage_minimum)
                                                 : std::string("(none)"));
  add_key_part(description, inputs.new_only ? "new only" : "all");
  return findings::sha256_hex(description);
}

std::optional<gate::CheckOutcome> load_check_outcome(config::BlobCacheStore& store,
                                                     const std::string& key) {
  std::optional<std::string> payload = store.load({key, kOutcomePath, format()});
  if (!payload) return std::nullopt;
  return gate::decode_outcome(*payload);
}

void save_check_outcome(config::BlobCacheStore& store, const std::string& key,
                        const gate::OutcomeParts& outcome) {
  store.save({key, kOutcomePath, format()}, gate::encode_outcome(outcome));
}

}  // namespace steward::cli
