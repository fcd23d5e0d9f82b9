#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "traffic/name_index.h"
#include "traffic/plan_arena.h"

namespace re2 {
class RE2;
}

// The tracking plan compiled for checking events fast: type masks, enum sets, compiled patterns
// and name indexes, built once per run from the model and then only read (by every thread).
namespace steward::traffic {

// JSON types as bits, so a union type is one mask test.
enum TypeBit : uint8_t {
  kString = 1,
  kNumber = 2,
  kInteger = 4,
  kBoolean = 8,
  kObject = 16,
  kArray = 32,
  kNull = 64,
};

enum class Format : uint8_t { none, email, uuid, date_time, date, uri, ipv4, ipv6 };

// The values of an enum (or const), by JSON type. Equal enums share one set.
struct EnumSet {
  std::vector<std::string> strings;
  NameIndex string_index;  // over `strings`
  std::vector<double> numbers;
  bool has_true = false, has_false = false, has_null = false;
};

// One bound of a property, in the order the checks report them.
enum class BoundKind : uint8_t {
  minimum,
  maximum,
  exclusive_minimum,
  exclusive_maximum,
  min_length,
  max_length,
  min_items,
  max_items,
  min_properties,
  max_properties,
};
struct Bound {
  BoundKind kind = BoundKind::minimum;
  double number = 0;    // minimum .. exclusive_maximum
  long long count = 0;  // the lengths and counts
};

inline constexpr uint32_t kNoNode = UINT32_MAX;

// One property of an event (a node): what checking a value of it reads, in 56 bytes. The rest
// (the model's property, read only to describe a reason) is in EventCheck::sources.
struct PropertyCheck {
  uint32_t first_child = 0, child_count = 0;      // its properties: nodes [first, first + count)
  uint32_t items = kNoNode;                       // the node of its array items
  uint32_t name_offset = 0, name_size = 0;        // its key, in EventCheck::names
  uint32_t consent_first = 0, consent_count = 0;  // in EventCheck::consent (purpose indexes)
  uint32_t bounds_first = 0;                      // in EventCheck::bounds
  uint8_t bounds_count = 0;
  uint8_t types = 0;  // TypeBit mask; 0: any type
  Format format = Format::none;
  bool required = false;  // also when only its `$ref` definition says so
  bool additional_properties = true;
  bool has_required_child = false;
  // Whether a string or an array has anything to check beyond its type and enum.
  bool string_checks = false, array_checks = false;
  const EnumSet* enums = nullptr;     // shared by equal enums; null: no enum
  const re2::RE2* pattern = nullptr;  // shared by equal patterns; null: none, or not valid RE2
};

// One event of the plan, compiled. Its nodes, key hashes, bounds, consent and key names are one
// block of memory (PlanChecks' arena, on huge pages where the system has them), the children of an
// object contiguous: checking an event reads a few kilobytes in a row, prefetched at once, and
// nothing of the model unless a reason is written. With a plan of thousands of events, whose
// checks cannot all stay in the cache, per-event cost then barely depends on the plan's size.
struct EventCheck {
  const model::Event* event = nullptr;
  std::span<const PropertyCheck> nodes;   // nodes[0]: the event's properties as one object
  std::span<const uint64_t> name_hashes;  // per node: the hash of its key (NameIndex::hash_of)
  std::span<const Bound> bounds;
  std::span<const uint32_t> consent;
  std::string_view names;                       // the keys of the nodes, one after the other
  std::span<const char> block;                  // all of the above
  std::vector<const model::Property*> sources;  // per node (null for nodes[0])

  const model::Property& property_of(const PropertyCheck& node) const {
    return *sources[static_cast<size_t>(&node - nodes.data())];
  }
  std::span<const Bound> bounds_of(const PropertyCheck& node) const {
    return bounds.subspan(node.bounds_first, node.bounds_count);
  }
  // Asks the processor for every line of the event's checks at once, before the walk needs them:
  // fetched together they cost about one memory latency instead of one per line.
  void prefetch() const {
    for (size_t at = 0; at < block.size(); at += 64)
      __builtin_prefetch(block.data() + at);
  }
  std::string_view name_of(const PropertyCheck& node) const {
    return names.substr(node.name_offset, node.name_size);
  }
  // The child of `object` whose key is `key` (hashed as `hash`), or kNoNode.
  uint32_t child(const PropertyCheck& object, std::string_view key, uint64_t hash) const {
    for (uint32_t i = object.first_child, end = i + object.child_count; i < end; ++i) {
      if (name_hashes[i] != hash || nodes[i].name_size != key.size()) continue;
      // Keys are short: a loop the compiler inlines beats a call to memcmp.
      const char* name = names.data() + nodes[i].name_offset;
      size_t k = 0;
      while (k < key.size() && name[k] == key[k])
        ++k;
      if (k == key.size()) return i;
    }
    return kNoNode;
  }
};

class PlanChecks {
 public:
  explicit PlanChecks(const model::Model& model);
  ~PlanChecks();
  PlanChecks(const PlanChecks&) = delete;
  PlanChecks& operator=(const PlanChecks&) = delete;

  // By event name, or for Snowplow by the Iglu schema key "vendor/name/format".
  const EventCheck* find(std::string_view name) const;
  const EventCheck* find_iglu(std::string_view vendor_name_format) const;
  const model::Model& model() const { return *model_; }
  const std::vector<EventCheck>& events() const { return events_; }
  size_t index_of(const EventCheck& check) const {
    return static_cast<size_t>(&check - events_.data());
  }
  // Every consent purpose a property asks for (lower case); EventCheck::consent indexes it.
  const std::deque<std::string>& purposes() const { return purposes_; }
  // The index of `purpose` (lower case) in purposes(), or NameIndex::kAbsent.
  uint32_t purpose_id(std::string_view purpose) const { return purpose_ids_.find(purpose); }

 private:
  struct Draft;  // one event's checks while they are compiled
  void compile_children(Draft& draft, uint32_t parent,
                        const std::vector<model::Property>& properties);
  void compile(Draft& draft, uint32_t node, const model::Property& property);
  void freeze(Draft& draft, EventCheck& event);
  const EnumSet* enum_set(const model::Constraints& constraints);
  const re2::RE2* pattern(const std::string& pattern);

  const model::Model* model_;
  std::vector<EventCheck> events_;
  NameIndex by_name_;
  NameIndex by_iglu_;
  std::deque<std::string> purposes_;  // deques: the indexes point into them
  NameIndex purpose_ids_;
  std::deque<EnumSet> enum_sets_;
  std::map<std::string, const EnumSet*> enum_sets_by_key_;
  std::map<std::string, std::unique_ptr<re2::RE2>> patterns_;
  PlanArena arena_;
};

// Whether the property is required: as written, or by its `$ref` definition (the property
// library's `required` applies to every event that uses it, docs/model.md).
bool is_required(const model::Model& model, const model::Property& property);

// Whether `text` is valid for `format`.
bool matches_format(Format format, std::string_view text);
std::string_view to_string(Format format);

}  // namespace steward::traffic
