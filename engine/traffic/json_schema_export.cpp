#include "traffic/json_schema_export.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

#include "traffic/plan_checks.h"

namespace steward::traffic {

namespace {

using nlohmann::json;

bool has_type(const model::Property& p, std::string_view type) {
  for (const auto& t : p.types)
    if (t == type) return true;
  return false;
}

// An enum or const value as written, typed as the plan means it.
json typed_value(const model::Property& p, const std::string& text, const std::string& type) {
  auto number = [&]() -> json {
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return nullptr;
    long long whole = 0;
    auto [iend, iec] = std::from_chars(text.data(), text.data() + text.size(), whole);
    if (iec == std::errc() && iend == text.data() + text.size()) return whole;
    return value;
  };
  if (type == "string") return text;
  if (type == "null") return nullptr;
  if (type == "boolean") return text == "true";
  if (type == "integer" || type == "number") {
    json n = number();
    return n.is_null() ? json(text) : n;
  }
  if ((text == "null" || text == "~" || text.empty()) && has_type(p, "null")) return nullptr;
  if ((text == "true" || text == "false") && has_type(p, "boolean")) return text == "true";
  if (has_type(p, "number") || has_type(p, "integer")) {
    json n = number();
    if (!n.is_null()) return n;
  }
  return text;
}

json property_schema(const model::Model& model, const model::Property& p);

void object_members(const model::Model& model, const std::vector<model::Property>& properties,
                    bool additional, json& out) {
  json members = json::object();
  json required = json::array();
  for (const auto& child : properties) {
    members[child.name] = property_schema(model, child);
    if (is_required(model, child)) required.push_back(child.name);
  }
  if (!members.empty()) out["properties"] = std::move(members);
  if (!required.empty()) out["required"] = std::move(required);
  if (!additional) out["additionalProperties"] = false;
}

json property_schema(const model::Model& model, const model::Property& p) {
  json out = json::object();
  if (p.types.size() == 1)
    out["type"] = p.types.front();
  else if (!p.types.empty())
    out["type"] = p.types;
  if (!p.description->empty()) out["description"] = *p.description;
  const model::Constraints& c = *p.constraints;
  if (!c.enum_values.empty()) {
    json values = json::array();
    for (size_t i = 0; i < c.enum_values.size(); ++i)
      values.push_back(
          typed_value(p, c.enum_values[i], i < c.value_types.size() ? c.value_types[i] : ""));
    out["enum"] = std::move(values);
  }
  if (c.const_value) out["const"] = typed_value(p, *c.const_value, "");
  if (!c.pattern.empty()) out["pattern"] = c.pattern;
  if (!c.format.empty()) out["format"] = c.format;
  if (c.minimum) out["minimum"] = *c.minimum;
  if (c.maximum) out["maximum"] = *c.maximum;
  if (c.exclusive_minimum) out["exclusiveMinimum"] = *c.exclusive_minimum;
  if (c.exclusive_maximum) out["exclusiveMaximum"] = *c.exclusive_maximum;
  if (c.min_length) out["minLength"] = *c.min_length;
  if (c.max_length) out["maxLength"] = *c.max_length;
  if (c.min_items) out["minItems"] = *c.min_items;
  if (c.max_items) out["maxItems"] = *c.max_items;
  if (c.min_properties) out["minProperties"] = *c.min_properties;
  if (c.max_properties) out["maxProperties"] = *c.max_properties;
  if (!p.properties.empty() || !p.additional_properties)
    object_members(model, p.properties, p.additional_properties, out);
  if (!p.items.empty()) out["items"] = property_schema(model, p.items.front());
  return out;
}

std::string safe_file_name(const std::string& event, std::set<std::string>& taken) {
  std::string base;
  for (char c : event)
    base +=
        std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ? c : '_';
  if (base.empty() || base[0] == '.') base = "_" + base;
  std::string name = base + ".json";
  for (int n = 2; taken.count(name); ++n)
    name = base + "-" + std::to_string(n) + ".json";
  taken.insert(name);
  return name;
}

}  // namespace

std::vector<EventSchema> export_json_schemas(const model::Model& model) {
  std::vector<EventSchema> out;
  std::set<std::string> taken;
  for (const auto& event : model.events) {
    if (event.status == model::EventStatus::removed) continue;
    json payload = {{"type", "object"}};
    object_members(model, event.properties, event.additional_properties, payload);
    bool any_required = payload.contains("required");
    json schema = {{"$schema", "http://json-schema.org/draft-07/schema#"},
                   {"$id", "urn:steward:event:" + event.name},
                   {"title", event.name}};
    if (!event.description.empty()) schema["description"] = event.description;
    schema["type"] = "object";
    schema["properties"] = {{"event", {{"const", event.name}}}, {"properties", payload}};
    schema["required"] =
        any_required ? json::array({"event", "properties"}) : json::array({"event"});
    out.push_back({event.name, safe_file_name(event.name, taken),
                   schema.dump(2, ' ', false, json::error_handler_t::replace) + "\n"});
  }
  return out;
}

}  // namespace steward::traffic
