// rudder-cli event streams: sources (with the tracking plan that governs them), destinations
// (with their consent management) and the connections between them.
#include "model/formats/rudder_specs.h"
#include "source/rule_ids.h"

namespace steward::model::formats {

namespace {

const std::vector<std::string> kSourceTypes = {
    "java",    "dotnet",     "php", "flutter", "cordova", "rust",  "react_native", "python", "ios",
    "android", "javascript", "go",  "node",    "ruby",    "unity", "swift",        "kotlin"};

}  // namespace

void read_source_spec(const config::Node& spec, RudderProject& project, Diagnostics& diagnostics) {
  YamlFieldReader reader(spec, "event-stream-source",
                         {"id", "name", "type", "enabled", "governance"}, diagnostics);
  if (!reader.is_mapping()) return;
  auto id = reader.ref("id", true);
  if (!id) return;
  RudderSource source;
  source.id = *id;
  source.name = reader.text("name", true).value_or(id->name);
  source.type = reader.choice("type", kSourceTypes).value_or("");
  if (!reader.get("type")) reader.missing("type");
  source.enabled = reader.boolean("enabled").value_or(true);
  if (const config::Node* governance = reader.mapping("governance")) {
    YamlFieldReader g(*governance, "governance", {"validations"}, diagnostics);
    if (const config::Node* validations = g.mapping("validations")) {
      YamlFieldReader v(*validations, "validations", {"tracking_plan", "config"}, diagnostics);
      if (auto plan = v.ref("tracking_plan", true)) source.tracking_plan = *plan;
      v.mapping("config");
    }
  }
  project.sources.push_back(std::move(source));
}

void read_destination_spec(const config::Node& spec, RudderProject& project,
                           Diagnostics& diagnostics) {
  YamlFieldReader reader(
      spec, "destination",
      {"id", "display_name", "type", "enabled", "definition_version", "config", "transformation"},
      diagnostics);
  if (!reader.is_mapping()) return;
  auto id = reader.ref("id", true);
  if (!id) return;
  RudderDestination destination;
  destination.id = *id;
  destination.display_name = reader.text("display_name", true).value_or(id->name);
  destination.type = reader.text("type", true).value_or("");
  destination.enabled = reader.boolean("enabled").value_or(true);
  if (const config::Node* enabled = reader.get("enabled")) destination.enabled_span = enabled->span;
  if (const config::Node* config = reader.mapping("config")) {
    read_destination_config(*config, destination, diagnostics);
  }
  project.destinations.push_back(std::move(destination));
}

void read_connections_spec(const config::Node& spec, RudderProject& project,
                           Diagnostics& diagnostics) {
  YamlFieldReader reader(spec, "event-stream-connections spec", {"connections"}, diagnostics);
  if (!reader.is_mapping()) return;
  const config::Node* list = reader.sequence("connections");
  if (!list) return;
  for (const auto& item : list->items) {
    YamlFieldReader c(item, "connection", {"id", "source", "destination", "enabled"}, diagnostics);
    if (!c.is_mapping()) continue;
    RudderConnection connection;
    if (auto id = c.ref("id", true)) connection.id = *id;
    auto source = c.ref("source", true);
    auto destination = c.ref("destination", true);
    if (!source || !destination) continue;
    connection.source = *source;
    connection.destination = *destination;
    connection.enabled = c.boolean("enabled").value_or(true);
    project.connections.push_back(std::move(connection));
  }
}

}  // namespace steward::model::formats
