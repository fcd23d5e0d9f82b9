#include "traffic/plan_checks.h"

#include <re2/re2.h>

#include <cctype>
#include <charconv>

namespace steward::traffic {

namespace {

unsigned type_bit(std::string_view type) {
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

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void add_enum_value(PropertyCheck& check, const std::string& text, std::string_view type) {
  check.has_enum = true;
  if (type.empty() || type == "null") {
    // A YAML null in an enum is read as "" (or written "null", "~").
    if (text == "null" || text == "~" || text.empty()) check.enum_null = true;
  }
  if (type.empty() || type == "boolean") {
    if (text == "true") check.enum_true = true;
    if (text == "false") check.enum_false = true;
  }
  if (type.empty() || type == "number" || type == "integer") {
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size()) check.enum_numbers.push_back(value);
  }
  if (type.empty() || type == "string") check.enum_strings.push_back(text);
}

PropertyCheck compile(const model::Model& model, const model::Property& property);

void compile_children(const model::Model& model, const std::vector<model::Property>& properties,
                      PropertyCheck& parent) {
  parent.properties.reserve(properties.size());
  for (const auto& child : properties)
    parent.properties.push_back(compile(model, child));
  for (size_t i = 0; i < parent.properties.size(); ++i)
    parent.by_name.emplace(parent.properties[i].property->name, i);
}

PropertyCheck compile(const model::Model& model, const model::Property& property) {
  PropertyCheck check;
  check.property = &property;
  check.required = is_required(model, property);
  for (const auto& type : property.types)
    check.types |= type_bit(type);
  const model::Constraints& c = property.constraints;
  for (size_t i = 0; i < c.enum_values.size(); ++i) {
    std::string_view type = i < c.value_types.size() ? c.value_types[i] : std::string_view();
    add_enum_value(check, c.enum_values[i], type);
  }
  if (c.const_value) add_enum_value(check, *c.const_value, {});
  if (!c.pattern.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<RE2>(c.pattern, options);
    if (re->ok()) check.pattern = std::move(re);
  }
  check.format = format_of(c.format);
  for (const auto& purpose : property.consent)
    check.consent.push_back(lower(purpose.name));
  check.additional_properties = property.additional_properties;
  compile_children(model, property.properties, check);
  for (const auto& item : property.items)
    check.items.push_back(compile(model, item));
  return check;
}

}  // namespace

bool is_required(const model::Model& model, const model::Property& property) {
  if (property.required) return true;
  if (property.ref.name.empty()) return false;
  const model::Property* definition = model.find_library_property(property.ref.name);
  return definition && definition->required;
}

PlanChecks::PlanChecks(const model::Model& model) : model_(&model) {
  events_.reserve(model.events.size());
  for (const auto& event : model.events) {
    EventCheck check;
    check.event = &event;
    check.root.types = kObject;
    check.root.additional_properties = event.additional_properties;
    compile_children(model, event.properties, check.root);
    events_.push_back(std::move(check));
  }
  for (size_t i = 0; i < events_.size(); ++i) {
    const model::Event& event = *events_[i].event;
    by_name_.emplace(event.name, i);
    if (!event.schema.empty()) by_iglu_.emplace(event.schema, i);
  }
}

const EventCheck* PlanChecks::find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &events_[it->second];
}

const EventCheck* PlanChecks::find_iglu(std::string_view vendor_name_format) const {
  auto it = by_iglu_.find(vendor_name_format);
  return it == by_iglu_.end() ? nullptr : &events_[it->second];
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
