#include "kpi/drift.h"

#include <algorithm>
#include <map>

#include "source/input_error.h"

namespace steward::kpi {

using nlohmann::json;

std::string_view to_string(DriftKind kind) {
  switch (kind) {
    case DriftKind::live_only:
      return "live_only";
    case DriftKind::git_only:
      return "git_only";
    case DriftKind::different:
      return "different";
  }
  return "different";
}

namespace {

// One entity of a collection: its fields (spans and nested properties taken out) and its span.
struct Entry {
  json fields = json::object();
  std::string file;
  size_t line = 0;
};

using Entries = std::map<std::string, Entry>;

bool is_location_key(const std::string& key) {
  return key == "span" || key.ends_with("_span");
}

// `value` without spans, at any depth.
json without_spans(const json& value, int depth) {
  if (depth > kMaxDriftDepth) {
    throw InputError("the live export nests deeper than " + std::to_string(kMaxDriftDepth) +
                         " levels, the most `steward drift` compares",
                     "export the live workspace with `steward model` or rudder-cli");
  }
  if (value.is_array()) {
    json out = json::array();
    for (const auto& item : value)
      out.push_back(without_spans(item, depth + 1));
    return out;
  }
  if (!value.is_object()) return value;
  json out = json::object();
  for (const auto& [key, item] : value.items()) {
    if (!is_location_key(key)) out[key] = without_spans(item, depth + 1);
  }
  return out;
}

Entry entry_of(const json& object, std::initializer_list<const char*> skipped) {
  Entry entry;
  for (const auto& [key, value] : object.items()) {
    // A named copy: clang 14 (the fuzz build) cannot capture a structured binding.
    const std::string& name = key;
    bool skip =
        std::any_of(skipped.begin(), skipped.end(), [&name](const char* s) { return name == s; });
    if (is_location_key(name) || skip) continue;
    entry.fields[name] = without_spans(value, 0);
  }
  const json* span = object.contains("span") ? &object["span"] : nullptr;
  if (span && span->is_object()) {
    entry.file = span->value("file", "");
    entry.line = span->value("line", size_t{0});
  }
  return entry;
}

std::string text_of(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_string()) return "";
  return object[key].get<std::string>();
}

const json& collection(const json& model, const char* name, const std::string& side) {
  static const json empty = json::array();
  if (!model.contains(name) || model[name].is_null()) return empty;
  if (!model[name].is_array()) {
    throw InputError("the " + side + " model's '" + name + "' is not a list",
                     "pass the output of `steward model` or a rudder-cli project folder");
  }
  return model[name];
}

// Every property of an event at any depth, by dotted path; an array's item schema is compared
// as the array's `items` field and its fields under the array's path.
void add_properties(const json& list, Entries& out, int depth) {
  if (depth > kMaxDriftDepth) {
    throw InputError("properties nest deeper than " + std::to_string(kMaxDriftDepth) +
                         " levels, the most `steward drift` compares",
                     "export the live workspace with `steward model` or rudder-cli");
  }
  if (!list.is_array()) return;
  for (const auto& p : list) {
    if (!p.is_object()) continue;
    Entry entry = entry_of(p, {"properties", "items", "name", "path", "ref"});
    if (p.contains("items") && p["items"].is_object()) {
      json item = without_spans(p["items"], depth);
      item.erase("properties");
      item.erase("ref");
      entry.fields["items"] = item;
      if (p["items"].contains("properties"))
        add_properties(p["items"]["properties"], out, depth + 1);
    }
    out[text_of(p, "path")] = std::move(entry);
    if (p.contains("properties")) add_properties(p["properties"], out, depth + 1);
  }
}

struct Collection {
  const char* name;    // in the model JSON
  const char* entity;  // in the report
  const char* key;     // the field that names an entry
};

const Collection kCollections[] = {
    {"events", "event", "name"},
    {"property_library", "library property", "name"},
    {"sources", "source", "name"},
    {"destinations", "destination", "name"},
    {"transformations", "transformation", "name"},
    {"identities", "identity", "name"},
    {"teams", "team", "name"},
    {"slos", "SLO", "destination"},
};

// The properties of each event, by event name.
using PropertiesByEvent = std::map<std::string, Entries>;

Entries entries(const json& model, const Collection& c, const std::string& side,
                PropertiesByEvent* properties) {
  Entries out;
  for (const auto& object : collection(model, c.name, side)) {
    if (!object.is_object()) continue;
    std::string name = text_of(object, c.key);
    if (properties != nullptr && object.contains("properties"))
      add_properties(object["properties"], (*properties)[name], 0);
    out[name] = entry_of(object, {"properties", "ref"});
  }
  return out;
}

std::string compact(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// `prefix` goes in front of every name: "checkout_started." for its properties.
void compare(const Entries& git, const Entries& live, const char* entity, Drift& drift,
             const std::string& prefix = "") {
  for (const auto& [key, declared] : git) {
    const std::string name = prefix + key;
    auto found = live.find(key);
    if (found == live.end()) {
      drift.items.push_back({DriftKind::git_only, entity, name, {}, declared.file, declared.line});
      continue;
    }
    DriftItem item{DriftKind::different, entity, name, {}, declared.file, declared.line};
    const json& theirs = found->second.fields;
    for (const auto& [field, value] : declared.fields.items()) {
      json other = theirs.contains(field) ? theirs[field] : json(nullptr);
      if (value != other) item.fields.push_back({field, compact(value), compact(other)});
    }
    for (const auto& [field, value] : theirs.items()) {
      if (!declared.fields.contains(field) && !value.is_null())
        item.fields.push_back({field, "null", compact(value)});
    }
    if (!item.fields.empty()) drift.items.push_back(std::move(item));
  }
  for (const auto& [key, running] : live) {
    if (!git.contains(key))
      drift.items.push_back({DriftKind::live_only, entity, prefix + key, {}, "", 0});
  }
}

}  // namespace

Drift compute_drift(const json& git, const json& live) {
  if (!live.is_object() || !live.contains("events")) {
    throw InputError("the live export is not a model in `steward model`'s layout (no 'events')",
                     "capture it with `steward model > live.json` against the live system's "
                     "files, or pass a rudder-cli project folder");
  }
  Drift drift;
  for (const Collection& c : kCollections) {
    bool events = std::string_view(c.name) == "events";
    if (!events && collection(live, c.name, "live").empty()) {
      if (!collection(git, c.name, "git").empty()) drift.not_compared.push_back(c.name);
      continue;
    }
    PropertiesByEvent git_properties, live_properties;
    compare(entries(git, c, "git", events ? &git_properties : nullptr),
            entries(live, c, "live", events ? &live_properties : nullptr), c.entity, drift);
    // The properties of events on both sides; an event only on one side is reported once.
    for (const auto& [event, declared] : git_properties) {
      auto running = live_properties.find(event);
      if (running != live_properties.end())
        compare(declared, running->second, "property", drift, event + ".");
    }
  }
  return drift;
}

}  // namespace steward::kpi
