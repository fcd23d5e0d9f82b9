// The walk that checks an event's properties against the compiled plan: one pass over the
// parsed JSON; a valid event allocates nothing (paths and messages are made only for a reason).
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "source/ascii_lower.h"
#include "traffic/json_event.h"

namespace steward::traffic::detail {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

unsigned mask_of(element value) {
  switch (value.type()) {
    case element_type::STRING:
      return kString;
    case element_type::INT64:
    case element_type::UINT64:
      return kInteger | kNumber;
    case element_type::DOUBLE: {
      double d = value.get_double().value_unsafe();
      return std::floor(d) == d && std::isfinite(d) ? (kInteger | kNumber) : kNumber;
    }
    case element_type::BOOL:
      return kBoolean;
    case element_type::NULL_VALUE:
      return kNull;
    case element_type::OBJECT:
      return kObject;
    case element_type::ARRAY:
      return kArray;
  }
  return 0;
}

std::string_view type_name(element value) {
  switch (value.type()) {
    case element_type::STRING:
      return "string";
    case element_type::INT64:
    case element_type::UINT64:
      return "integer";
    case element_type::DOUBLE:
      return "number";
    case element_type::BOOL:
      return "boolean";
    case element_type::NULL_VALUE:
      return "null";
    case element_type::OBJECT:
      return "object";
    case element_type::ARRAY:
      return "array";
  }
  return "value";
}

std::string join(const std::vector<std::string>& items, std::string_view separator,
                 size_t limit = 12) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < limit; ++i)
    out += (i ? std::string(separator) : std::string()) + items[i];
  if (items.size() > limit) out += std::string(separator) + "...";
  return out;
}

double number_of(element value) {
  switch (value.type()) {
    case element_type::INT64:
      return static_cast<double>(value.get_int64().value_unsafe());
    case element_type::UINT64:
      return static_cast<double>(value.get_uint64().value_unsafe());
    default:
      return value.get_double().value_unsafe();
  }
}

std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", value);
  return text;
}

size_t code_points(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool in_enum(element value, const EnumSet& set) {
  switch (value.type()) {
    case element_type::STRING:
      return set.string_index.find(value.get_string().value_unsafe()) != NameIndex::kAbsent;
    case element_type::BOOL:
      return value.get_bool().value_unsafe() ? set.has_true : set.has_false;
    case element_type::NULL_VALUE:
      return set.has_null;
    case element_type::OBJECT:
    case element_type::ARRAY:
      return false;
    default: {
      double d = number_of(value);
      return std::find(set.numbers.begin(), set.numbers.end(), d) != set.numbers.end();
    }
  }
}

// A count (a length, items, properties) against one bound: "length >= 2" / "length 1", or
// ">= 1 items" / "0 items". The strings are made only for a reason.
void count_bound(Walk& walk, const PropertyCheck& check, long long count, const Bound& bound,
                 bool is_min, std::string_view unit, bool unit_first) {
  if (is_min ? count >= bound.count : count <= bound.count) return;
  auto text = [&](std::string_view comparison, long long n) {
    std::string number =
        (comparison.empty() ? "" : std::string(comparison) + " ") + std::to_string(n);
    return unit_first ? std::string(unit) + " " + number : number + " " + std::string(unit);
  };
  walk.add(ReasonKind::bounds, text(is_min ? ">=" : "<=", bound.count), text("", count),
           &walk.event.property_of(check).span);
}

const Span* span_of(const PropertyCheck& check, const Walk& walk) {
  return &walk.event.property_of(check).span;
}

void validate_value(element value, const PropertyCheck& check, Walk& walk);

void validate_string(std::string_view text, element value, const PropertyCheck& check, Walk& walk) {
  bool counted = false;
  long long length = 0;
  for (const Bound& bound : walk.event.bounds_of(check)) {
    bool is_min = bound.kind == BoundKind::min_length;
    if (!is_min && bound.kind != BoundKind::max_length) continue;
    if (!counted) length = static_cast<long long>(code_points(text));
    counted = true;
    count_bound(walk, check, length, bound, is_min, "length", true);
  }
  if (check.pattern && !RE2::PartialMatch(text, *check.pattern)) {
    walk.add(ReasonKind::pattern, "matching " + walk.event.property_of(check).constraints->pattern,
             describe(value), span_of(check, walk));
  }
  if (check.format != Format::none && !matches_format(check.format, text)) {
    walk.add(ReasonKind::format, std::string(to_string(check.format)), describe(value),
             span_of(check, walk));
  }
}

void validate_number(double d, const PropertyCheck& check, Walk& walk) {
  for (const Bound& bound : walk.event.bounds_of(check)) {
    double limit = bound.number;
    const char* comparison = nullptr;
    switch (bound.kind) {
      case BoundKind::minimum:
        if (!(d >= limit)) comparison = ">= ";
        break;
      case BoundKind::maximum:
        if (!(d <= limit)) comparison = "<= ";
        break;
      case BoundKind::exclusive_minimum:
        if (!(d > limit)) comparison = "> ";
        break;
      case BoundKind::exclusive_maximum:
        if (!(d < limit)) comparison = "< ";
        break;
      default:
        break;
    }
    if (comparison) {
      walk.add(ReasonKind::bounds, comparison + number_text(limit), number_text(d),
               span_of(check, walk));
    }
  }
}

// The item or property count of an array or object against its bounds.
void validate_count(long long count, const PropertyCheck& check, BoundKind min, BoundKind max,
                    std::string_view unit, Walk& walk) {
  for (const Bound& bound : walk.event.bounds_of(check)) {
    if (bound.kind == min || bound.kind == max)
      count_bound(walk, check, count, bound, bound.kind == min, unit, false);
  }
}

void validate_array(simdjson::dom::array array, const PropertyCheck& check, Walk& walk) {
  if (check.bounds_count) {
    validate_count(static_cast<long long>(array.size()), check, BoundKind::min_items,
                   BoundKind::max_items, "items", walk);
  }
  if (check.items == kNoNode) return;
  const PropertyCheck& items = walk.event.nodes[check.items];
  size_t index = 0;
  for (element item : array) {
    walk.path.push_index(index++);
    validate_value(item, items, walk);
    walk.path.pop();
  }
}

void validate_members(simdjson::dom::object object, const PropertyCheck& check, Walk& walk) {
  if (check.bounds_count) {
    validate_count(static_cast<long long>(object.size()), check, BoundKind::min_properties,
                   BoundKind::max_properties, "properties", walk);
  }
  if (check.child_count > 0 || !check.additional_properties) validate_object(object, check, walk);
}

void validate_value(element value, const PropertyCheck& check, Walk& walk) {
  element_type type = value.type();
  if (check.types != 0 && (mask_of(value) & check.types) == 0) {
    const model::Property& property = walk.event.property_of(check);
    bool composite = type == element_type::OBJECT || type == element_type::ARRAY;
    walk.add(ReasonKind::wrong_type, join(property.types.to_vector(), " or "),
             composite ? describe(value) : std::string(type_name(value)) + " " + describe(value),
             property.type_span.valid() ? &property.type_span : &property.span);
    return;
  }
  if (check.enums && !in_enum(value, *check.enums)) {
    walk.add(ReasonKind::enum_value,
             "one of [" + join(walk.event.property_of(check).constraints->enum_values, ", ") + "]",
             describe(value), span_of(check, walk));
  }
  switch (type) {
    case element_type::STRING:
      if (check.string_checks)
        validate_string(value.get_string().value_unsafe(), value, check, walk);
      break;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      if (check.bounds_count) validate_number(number_of(value), check, walk);
      break;
    case element_type::ARRAY:
      if (check.array_checks) validate_array(value.get_array().value_unsafe(), check, walk);
      break;
    case element_type::OBJECT:
      validate_members(value.get_object().value_unsafe(), check, walk);
      break;
    default:
      break;
  }
}

// ".name", or ["name"] when the key is not a plain identifier (a dot would make a path ambiguous).
void append_key(std::string& path, std::string_view key) {
  bool plain = !key.empty();
  for (char c : key)
    plain =
        plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '$');
  if (plain) {
    path += '.';
    path += key;
    return;
  }
  path += "[\"";
  for (char c : key) {
    if (c == '"' || c == '\\') path += '\\';
    path += c;
  }
  path += "\"]";
}

// Which of an object's declared properties were seen: bits for the usual object, bytes beyond.
class SeenSet {
 public:
  explicit SeenSet(size_t count) {
    if (count > 64) many_.assign(count, 0);
  }
  void mark(uint32_t i) {
    if (many_.empty())
      bits_ |= uint64_t{1} << i;
    else
      many_[i] = 1;
  }
  bool has(uint32_t i) const { return many_.empty() ? (bits_ >> i) & 1 : many_[i] != 0; }

 private:
  uint64_t bits_ = 0;
  std::vector<char> many_;
};

void check_consent(const PropertyCheck& child, Walk& walk) {
  for (uint32_t k = 0; k < child.consent_count; ++k) {
    if (walk.granted[walk.event.consent[child.consent_first + k]]) continue;
    const model::Property& property = walk.event.property_of(child);
    const auto& refs = property.consent;
    walk.add(ReasonKind::consent_missing, "consent to " + ascii_lower(refs[k].name), "not granted",
             refs.empty() ? &property.span : &refs.front().span);
  }
}

}  // namespace

std::string JsonPath::text() const {
  std::string out(root_);
  for (const Segment& segment : segments_) {
    if (segment.index == kKey) {
      append_key(out, segment.key);
    } else {
      out += '[';
      out += std::to_string(segment.index);
      out += ']';
    }
  }
  return out;
}

void validate_object(simdjson::dom::object object, const PropertyCheck& schema, Walk& walk) {
  const EventCheck& event = walk.event;
  SeenSet seen(schema.has_required_child ? schema.child_count : 0);
  for (auto field : object) {
    std::string_view key = field.key;
    uint32_t i = event.child(schema, key, NameIndex::hash_of(key));
    if (i != kNoNode) {
      const PropertyCheck& child = event.nodes[i];
      if (schema.has_required_child) seen.mark(i - schema.first_child);
      walk.path.push(key);
      if (child.consent_count) check_consent(child, walk);
      validate_value(field.value, child, walk);
      walk.path.pop();
    } else if (!schema.additional_properties) {
      walk.path.push(key);
      // The object's place in the plan: the event's, or its property's.
      const Span* object_span = &schema == walk.event.nodes.data()
                                    ? &walk.event.event->span
                                    : &walk.event.property_of(schema).span;
      walk.add(ReasonKind::additional_property, "no property the plan does not list",
               describe(field.value), object_span);
      walk.path.pop();
    }
  }
  if (!schema.has_required_child) return;
  for (uint32_t k = 0; k < schema.child_count; ++k) {
    const PropertyCheck& child = event.nodes[schema.first_child + k];
    if (!child.required || seen.has(k)) continue;
    walk.path.push(event.name_of(child));
    walk.add(ReasonKind::missing_required, "a value (required)", "nothing", span_of(child, walk));
    walk.path.pop();
  }
}

std::string describe(element value) {
  constexpr size_t kShown = 48;
  switch (value.type()) {
    case element_type::OBJECT:
      return "object of " + std::to_string(value.get_object().value_unsafe().size()) + " keys";
    case element_type::ARRAY:
      return "array of " + std::to_string(value.get_array().value_unsafe().size()) + " items";
    default: {
      std::string text = simdjson::minify(value);
      if (text.size() > kShown) {
        size_t cut = kShown;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
          --cut;  // never cut a UTF-8 sequence in two
        text = text.substr(0, cut) + "...";
      }
      return text;
    }
  }
}

}  // namespace steward::traffic::detail
