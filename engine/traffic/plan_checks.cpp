#include "traffic/plan_checks.h"

#include <re2/re2.h>

#include <cctype>
#include <charconv>
#include <memory>

#include "source/ascii_lower.h"

namespace steward::traffic {

namespace {

uint8_t type_bit(std::string_view type) {
  if (type == "string") return kString;
  if (type == "number") return kNumber | kInteger;
  if (type == "integer") return kInteger;
  if (type == "boolean") return kBoolean;
  if (type == "object") return kObject;
  if (type == "array") return kArray;
  if (type == "null") return kNull;
  return 0;
}

Format format_of(std::string_view name) {
  if (name == "email" || name == "idn-email") return Format::email;
  if (name == "uuid") return Format::uuid;
  if (name == "date-time") return Format::date_time;
  if (name == "date") return Format::date;
  if (name == "uri" || name == "url") return Format::uri;
  if (name == "ipv4") return Format::ipv4;
  if (name == "ipv6") return Format::ipv6;
  return Format::none;  // a format steward does not check is not enforced (docs/traffic.md)
}

void add_enum_value(EnumSet& set, const std::string& text, std::string_view type) {
  if (type.empty() || type == "null") {
    // A YAML null in an enum is read as "" (or written "null", "~").
    if (text == "null" || text == "~" || text.empty()) set.has_null = true;
  }
  if (type.empty() || type == "boolean") {
    if (text == "true") set.has_true = true;
    if (text == "false") set.has_false = true;
  }
  if (type.empty() || type == "number" || type == "integer") {
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size()) set.numbers.push_back(value);
  }
  if (type.empty() || type == "string") set.strings.push_back(text);
}

}  // namespace

bool is_required(const model::Model& model, const model::Property& property) {
  if (property.required) return true;
  if (property.ref->name.empty()) return false;
  const model::Property* definition = model.find_library_property(property.ref->name);
  return definition && definition->required;
}

PlanChecks::~PlanChecks() = default;

const EnumSet* PlanChecks::enum_set(const model::Constraints& c) {
  if (c.enum_values.empty() && !c.const_value) return nullptr;
  // The values with their types, as the key of equal enums.
  std::string key;
  for (size_t i = 0; i < c.enum_values.size(); ++i) {
    key += i < c.value_types.size() ? c.value_types[i] : std::string();
    key += '\0' + c.enum_values[i] + '\0';
  }
  if (c.const_value) key += "const\0" + *c.const_value;
  auto [it, added] = enum_sets_by_key_.emplace(std::move(key), nullptr);
  if (!added) return it->second;
  EnumSet& set = enum_sets_.emplace_back();
  for (size_t i = 0; i < c.enum_values.size(); ++i) {
    std::string_view type = i < c.value_types.size() ? c.value_types[i] : std::string_view();
    add_enum_value(set, c.enum_values[i], type);
  }
  if (c.const_value) add_enum_value(set, *c.const_value, {});
  for (size_t i = 0; i < set.strings.size(); ++i)
    set.string_index.add(set.strings[i], static_cast<uint32_t>(i));
  it->second = &set;
  return &set;
}

const re2::RE2* PlanChecks::pattern(const std::string& text) {
  // One RE2 per distinct pattern: its lazily built automaton is then shared by every property
  // that uses it, and stays warm in the cache.
  auto [it, added] = patterns_.emplace(text, nullptr);
  if (added) {
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(text, options);
    if (re->ok()) it->second = std::move(re);
  }
  return it->second.get();
}

// A node is read for every value of an event: it must stay within one cache line.
static_assert(sizeof(PropertyCheck) <= 64);

struct PlanChecks::Draft {
  std::vector<PropertyCheck> nodes;
  std::vector<uint64_t> name_hashes;
  std::vector<Bound> bounds;
  std::vector<uint32_t> consent;
  std::string names;
  std::vector<const model::Property*> sources;

  uint32_t add_node() {
    nodes.emplace_back();
    name_hashes.push_back(0);
    sources.push_back(nullptr);
    return static_cast<uint32_t>(nodes.size() - 1);
  }
  void clear() {
    nodes.clear();
    name_hashes.clear();
    bounds.clear();
    consent.clear();
    names.clear();
    sources.clear();
  }
};

namespace {

void add_bounds(const model::Constraints& c, std::vector<Bound>& out) {
  auto number = [&](BoundKind kind, const std::optional<double>& value) {
    if (value) out.push_back({kind, *value, 0});
  };
  auto count = [&](BoundKind kind, const std::optional<long long>& value) {
    if (value) out.push_back({kind, 0, *value});
  };
  number(BoundKind::minimum, c.minimum);
  number(BoundKind::maximum, c.maximum);
  number(BoundKind::exclusive_minimum, c.exclusive_minimum);
  number(BoundKind::exclusive_maximum, c.exclusive_maximum);
  count(BoundKind::min_length, c.min_length);
  count(BoundKind::max_length, c.max_length);
  count(BoundKind::min_items, c.min_items);
  count(BoundKind::max_items, c.max_items);
  count(BoundKind::min_properties, c.min_properties);
  count(BoundKind::max_properties, c.max_properties);
}

// Copies `items` into `block` at `at` (aligned for T) and returns them there.
template <class T>
std::span<const T> place_in(char* block, size_t& at, const std::vector<T>& items) {
  at = (at + alignof(T) - 1) / alignof(T) * alignof(T);
  T* out = reinterpret_cast<T*>(block + at);
  std::uninitialized_copy(items.begin(), items.end(), out);
  at += items.size() * sizeof(T);
  return {out, items.size()};
}

}  // namespace

void PlanChecks::compile_children(Draft& draft, uint32_t parent,
                                  const std::vector<model::Property>& properties) {
  auto first = static_cast<uint32_t>(draft.nodes.size());
  auto count = static_cast<uint32_t>(properties.size());
  for (uint32_t i = 0; i < count; ++i)
    draft.add_node();
  draft.nodes[parent].first_child = first;
  draft.nodes[parent].child_count = count;
  for (uint32_t i = 0; i < count; ++i)
    compile(draft, first + i, properties[i]);
  for (uint32_t i = 0; i < count; ++i)
    if (draft.nodes[first + i].required) draft.nodes[parent].has_required_child = true;
}

void PlanChecks::compile(Draft& draft, uint32_t index, const model::Property& property) {
  const model::Constraints& c = *property.constraints;
  {
    // No reference is held across the recursion below: it grows draft.nodes.
    PropertyCheck& node = draft.nodes[index];
    draft.sources[index] = &property;
    node.required = is_required(*model_, property);
    for (const auto& type : property.types)
      node.types = static_cast<uint8_t>(node.types | type_bit(type));
    node.enums = enum_set(c);
    if (!c.pattern.empty()) node.pattern = pattern(c.pattern);
    node.format = format_of(c.format);
    node.additional_properties = property.additional_properties;
    node.name_offset = static_cast<uint32_t>(draft.names.size());
    node.name_size = static_cast<uint32_t>(property.name.size());
    draft.names += property.name;
    draft.name_hashes[index] = NameIndex::hash_of(property.name);
    node.bounds_first = static_cast<uint32_t>(draft.bounds.size());
    add_bounds(c, draft.bounds);
    node.bounds_count = static_cast<uint8_t>(draft.bounds.size() - node.bounds_first);
    node.consent_first = static_cast<uint32_t>(draft.consent.size());
    node.consent_count = static_cast<uint32_t>(property.consent.size());
    for (const auto& purpose : property.consent) {
      std::string name = ascii_lower(purpose.name);
      uint32_t id = purpose_ids_.find(name);
      if (id == NameIndex::kAbsent) {
        id = static_cast<uint32_t>(purposes_.size());
        purposes_.push_back(std::move(name));
        purpose_ids_.add(purposes_.back(), id);
      }
      draft.consent.push_back(id);
    }
    node.string_checks =
        c.min_length || c.max_length || node.pattern || node.format != Format::none;
    node.array_checks = c.min_items || c.max_items || !property.items.empty();
  }
  compile_children(draft, index, property.properties);
  if (!property.items.empty()) {
    // One item schema (the model keeps it as a list of one).
    uint32_t item = draft.add_node();
    draft.nodes[index].items = item;
    compile(draft, item, property.items.front());
  }
}

void PlanChecks::freeze(Draft& draft, EventCheck& event) {
  size_t bytes = draft.nodes.size() * sizeof(PropertyCheck) +
                 draft.name_hashes.size() * sizeof(uint64_t) + draft.bounds.size() * sizeof(Bound) +
                 draft.consent.size() * sizeof(uint32_t) + draft.names.size() + 64;
  char* block = arena_.allocate(bytes);
  size_t at = 0;
  event.nodes = place_in(block, at, draft.nodes);
  event.name_hashes = place_in(block, at, draft.name_hashes);
  event.bounds = place_in(block, at, draft.bounds);
  event.consent = place_in(block, at, draft.consent);
  std::copy(draft.names.begin(), draft.names.end(), block + at);
  event.names = std::string_view(block + at, draft.names.size());
  at += draft.names.size();
  event.block = std::span<const char>(block, at);
  event.sources = draft.sources;
}

PlanChecks::PlanChecks(const model::Model& model) : model_(&model) {
  events_.reserve(model.events.size());
  Draft draft;
  for (const auto& event : model.events) {
    draft.clear();
    uint32_t root = draft.add_node();
    draft.nodes[root].types = kObject;
    draft.nodes[root].additional_properties = event.additional_properties;
    compile_children(draft, root, event.properties);
    EventCheck& check = events_.emplace_back();
    check.event = &event;
    freeze(draft, check);
  }
  for (size_t i = 0; i < events_.size(); ++i) {
    const model::Event& event = *events_[i].event;
    by_name_.add(event.name, static_cast<uint32_t>(i));
    if (!event.schema.empty()) by_iglu_.add(event.schema, static_cast<uint32_t>(i));
  }
}

const EventCheck* PlanChecks::find(std::string_view name) const {
  uint32_t i = by_name_.find(name);
  return i == NameIndex::kAbsent ? nullptr : &events_[i];
}

const EventCheck* PlanChecks::find_iglu(std::string_view vendor_name_format) const {
  uint32_t i = by_iglu_.find(vendor_name_format);
  return i == NameIndex::kAbsent ? nullptr : &events_[i];
}

std::string_view to_string(Format format) {
  switch (format) {
    case Format::none:
      return "";
    case Format::email:
      return "email";
    case Format::uuid:
      return "uuid";
    case Format::date_time:
      return "date-time";
    case Format::date:
      return "date";
    case Format::uri:
      return "uri";
    case Format::ipv4:
      return "ipv4";
    case Format::ipv6:
      return "ipv6";
  }
  return "";
}

bool matches_format(Format format, std::string_view text) {
  // RE2 is linear in the text; the expressions are compiled once for the whole run.
  static const RE2 email(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
  static const RE2 uuid(
      R"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
  static const RE2 date(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  static const RE2 date_time(
      R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d))");
  static const RE2 uri(R"([A-Za-z][A-Za-z0-9+.-]*:\S+)");
  static const RE2 ipv4(
      R"(((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))");
  static const RE2 ipv6(R"([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)");
  switch (format) {
    case Format::none:
      return true;
    case Format::email:
      return RE2::FullMatch(text, email);
    case Format::uuid:
      return RE2::FullMatch(text, uuid);
    case Format::date:
      return RE2::FullMatch(text, date);
    case Format::date_time:
      return RE2::FullMatch(text, date_time);
    case Format::uri:
      return RE2::FullMatch(text, uri);
    case Format::ipv4:
      return RE2::FullMatch(text, ipv4);
    case Format::ipv6:
      return text.size() >= 2 && RE2::FullMatch(text, ipv6);
  }
  return true;
}

}  // namespace steward::traffic
