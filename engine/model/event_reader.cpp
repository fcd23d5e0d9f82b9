#include <algorithm>

#include "model/kind_readers.h"
#include "model/property_reader.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

namespace {

const std::vector<std::string> kStatuses = {"draft", "active", "deprecated", "removed"};

EventStatus status_from(const std::string& s) {
  if (s == "draft") return EventStatus::draft;
  if (s == "deprecated") return EventStatus::deprecated;
  if (s == "removed") return EventStatus::removed;
  return EventStatus::active;
}

}  // namespace

std::optional<Event> read_event(const config::Node& root, Diagnostics& diagnostics) {
  YamlFieldReader reader(root, "event",
                         {"kind", "name", "description", "owner", "domain", "status", "deprecated",
                          "sources", "consent", "properties", "version"},
                         diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Event event;
  event.name = name->name;
  event.span = name->span;
  event.description = reader.text("description").value_or("");
  if (auto owner = reader.ref("owner")) event.owner = *owner;
  event.domain = reader.text("domain").value_or("");
  if (auto status = reader.choice("status", kStatuses)) event.status = status_from(*status);
  if (auto version = reader.ref("version")) {
    event.version = version->name;
    event.version_span = version->span;
  }
  event.sources = reader.refs("sources");
  event.consent = reader.refs("consent");
  if (const config::Node* deprecated = reader.mapping("deprecated")) {
    YamlFieldReader d(*deprecated, "deprecated", {"since", "sunset", "replaced_by", "reason"},
                      diagnostics);
    Deprecation deprecation;
    deprecation.span = deprecated->span;
    deprecation.since = d.date("since").value_or("");
    deprecation.sunset = d.date("sunset").value_or("");
    if (auto replaced_by = d.ref("replaced_by")) deprecation.replaced_by = *replaced_by;
    d.text("reason");
    event.deprecated = std::move(deprecation);
  }
  if (const config::Node* properties = reader.mapping("properties")) {
    event.properties = read_properties(*properties, "", diagnostics);
  }
  return event;
}

std::optional<Property> read_library_property(const config::Node& root, Diagnostics& diagnostics) {
  std::vector<std::string> keys = property_keys();
  keys.push_back("kind");
  keys.push_back("name");
  // Unknown keys are reported once, here; read_property below sees only the property's keys.
  YamlFieldReader reader(root, "property", keys, diagnostics);
  const config::Node* name = root.find("name");
  auto name_ref = reader.ref("name", true);
  if (!name_ref || !name) return std::nullopt;
  config::Node definition = root;
  std::erase_if(definition.entries, [&](const config::MapEntry& e) {
    return e.key.text == "kind" || e.key.text == "name" ||
           std::find(keys.begin(), keys.end(), e.key.text) == keys.end();
  });
  return read_property(*name, definition, "", diagnostics);
}

}  // namespace steward::model
