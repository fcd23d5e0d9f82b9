// The walk that checks an event's properties against the compiled plan: one pass over the
// parsed JSON, no allocation for a valid event beyond the path being built.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>

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

bool in_enum(element value, const PropertyCheck& check) {
  switch (value.type()) {
    case element_type::STRING: {
      std::string_view text = value.get_string().value_unsafe();
      return std::find(check.enum_strings.begin(), check.enum_strings.end(), text) !=
             check.enum_strings.end();
    }
    case element_type::BOOL:
      return value.get_bool().value_unsafe() ? check.enum_true : check.enum_false;
    case element_type::NULL_VALUE:
      return check.enum_null;
    case element_type::OBJECT:
    case element_type::ARRAY:
      return false;
    default: {
      double d = number_of(value);
      return std::find(check.enum_numbers.begin(), check.enum_numbers.end(), d) !=
             check.enum_numbers.end();
    }
  }
}

void bound(ReasonSink& sink, const std::string& path, const Span* span, bool ok,
           std::string expected, std::string got) {
  if (!ok) sink.add(ReasonKind::bounds, path, std::move(expected), std::move(got), span);
}

void validate_value(element value, const PropertyCheck& check, std::string& path,
                    const std::vector<std::string>& granted, ReasonSink& sink);

void validate_string(std::string_view text, element value, const PropertyCheck& check,
                     const std::string& path, ReasonSink& sink) {
  const model::Constraints& c = check.property->constraints;
  const Span* span = &check.property->span;
  if (c.min_length || c.max_length) {
    auto length = static_cast<long long>(code_points(text));
    if (c.min_length)
      bound(sink, path, span, length >= *c.min_length, "length >= " + std::to_string(*c.min_length),
            "length " + std::to_string(length));
    if (c.max_length)
      bound(sink, path, span, length <= *c.max_length, "length <= " + std::to_string(*c.max_length),
            "length " + std::to_string(length));
  }
  if (check.pattern && !RE2::PartialMatch(text, *check.pattern))
    sink.add(ReasonKind::pattern, path, "matching " + c.pattern, describe(value), span);
  if (check.format != Format::none && !matches_format(check.format, text))
    sink.add(ReasonKind::format, path, std::string(to_string(check.format)), describe(value), span);
}

void validate_number(double d, const PropertyCheck& check, const std::string& path,
                     ReasonSink& sink) {
  const model::Constraints& c = check.property->constraints;
  const Span* span = &check.property->span;
  if (c.minimum)
    bound(sink, path, span, d >= *c.minimum, ">= " + number_text(*c.minimum), number_text(d));
  if (c.maximum)
    bound(sink, path, span, d <= *c.maximum, "<= " + number_text(*c.maximum), number_text(d));
  if (c.exclusive_minimum)
    bound(sink, path, span, d > *c.exclusive_minimum, "> " + number_text(*c.exclusive_minimum),
          number_text(d));
  if (c.exclusive_maximum)
    bound(sink, path, span, d < *c.exclusive_maximum, "< " + number_text(*c.exclusive_maximum),
          number_text(d));
}

void validate_array(simdjson::dom::array array, const PropertyCheck& check, std::string& path,
                    const std::vector<std::string>& granted, ReasonSink& sink) {
  const model::Constraints& c = check.property->constraints;
  auto size = static_cast<long long>(array.size());
  const Span* span = &check.property->span;
  if (c.min_items)
    bound(sink, path, span, size >= *c.min_items, ">= " + std::to_string(*c.min_items) + " items",
          std::to_string(size) + " items");
  if (c.max_items)
    bound(sink, path, span, size <= *c.max_items, "<= " + std::to_string(*c.max_items) + " items",
          std::to_string(size) + " items");
  if (check.items.empty()) return;
  size_t length = path.size();
  size_t index = 0;
  for (element item : array) {
    path += "[" + std::to_string(index++) + "]";
    validate_value(item, check.items.front(), path, granted, sink);
    path.resize(length);
  }
}

void validate_value(element value, const PropertyCheck& check, std::string& path,
                    const std::vector<std::string>& granted, ReasonSink& sink) {
  const model::Property& property = *check.property;
  unsigned mask = mask_of(value);
  if (check.types != 0 && (mask & check.types) == 0) {
    bool composite = mask & (kObject | kArray);  // describe() already names them
    sink.add(ReasonKind::wrong_type, path, join(property.types, " or "),
             composite ? describe(value) : std::string(type_name(value)) + " " + describe(value),
             property.type_span.valid() ? &property.type_span : &property.span);
    return;
  }
  if (check.has_enum && !in_enum(value, check)) {
    sink.add(ReasonKind::enum_value, path,
             "one of [" + join(property.constraints.enum_values, ", ") + "]", describe(value),
             &property.span);
  }
  switch (value.type()) {
    case element_type::STRING:
      validate_string(value.get_string().value_unsafe(), value, check, path, sink);
      break;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      validate_number(number_of(value), check, path, sink);
      break;
    case element_type::ARRAY:
      validate_array(value.get_array().value_unsafe(), check, path, granted, sink);
      break;
    case element_type::OBJECT: {
      simdjson::dom::object object = value.get_object().value_unsafe();
      const model::Constraints& c = property.constraints;
      auto size = static_cast<long long>(object.size());
      if (c.min_properties)
        bound(sink, path, &property.span, size >= *c.min_properties,
              ">= " + std::to_string(*c.min_properties) + " properties",
              std::to_string(size) + " properties");
      if (c.max_properties)
        bound(sink, path, &property.span, size <= *c.max_properties,
              "<= " + std::to_string(*c.max_properties) + " properties",
              std::to_string(size) + " properties");
      validate_object(object, check, &property.span, path, granted, sink);
      break;
    }
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

}  // namespace

void validate_object(simdjson::dom::object object, const PropertyCheck& schema,
                     const Span* object_span, std::string& path,
                     const std::vector<std::string>& granted, ReasonSink& sink) {
  size_t length = path.size();
  // Which of the schema's properties were seen: a small stack buffer for the usual case.
  constexpr size_t kInline = 64;
  bool inline_seen[kInline] = {};
  std::vector<char> heap_seen;
  size_t count = schema.properties.size();
  if (count > kInline) heap_seen.assign(count, 0);
  auto mark = [&](size_t i) {
    if (count > kInline)
      heap_seen[i] = 1;
    else
      inline_seen[i] = true;
  };
  auto seen = [&](size_t i) { return count > kInline ? heap_seen[i] != 0 : inline_seen[i]; };
  for (auto field : object) {
    append_key(path, field.key);
    auto found = schema.by_name.find(field.key);
    if (found != schema.by_name.end()) {
      const PropertyCheck& child = schema.properties[found->second];
      mark(found->second);
      for (const auto& purpose : child.consent) {
        if (std::find(granted.begin(), granted.end(), purpose) == granted.end()) {
          const auto& refs = child.property->consent;
          sink.add(ReasonKind::consent_missing, path, "consent to " + purpose, "not granted",
                   refs.empty() ? &child.property->span : &refs.front().span);
        }
      }
      validate_value(field.value, child, path, granted, sink);
    } else if (!schema.additional_properties) {
      sink.add(ReasonKind::additional_property, path, "no property the plan does not list",
               describe(field.value), object_span);
    }
    path.resize(length);
  }
  for (size_t i = 0; i < schema.properties.size(); ++i) {
    const PropertyCheck& child = schema.properties[i];
    if (!child.required || seen(i)) continue;
    append_key(path, child.property->name);
    sink.add(ReasonKind::missing_required, path, "a value (required)", "nothing",
             &child.property->span);
    path.resize(length);
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
