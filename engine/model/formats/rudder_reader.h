#pragma once

#include "config/node.h"
#include "model/formats/rudder_project.h"
#include "source/diagnostic.h"

// rudder-cli project files (RudderStack's data catalog, tracking plans and event streams as YAML):
// `version: rudder/0.1`, `rudder/v0.1` or `rudder/v1`, `kind`, `metadata`, `spec`.
namespace steward::model::formats {

// Whether a document is a rudder-cli spec: its `version:` starts with `rudder/`.
bool is_rudder_document(const config::Node& root);

// Reads one spec into `project`: the kinds properties, events, categories, custom-types,
// tp / tracking-plan, event-stream-source, destination and event-stream-connections. Other
// rudder-cli kinds are reported as not read (schema.unsupported-kind, a warning).
void read_rudder_document(const config::Node& root, RudderProject& project,
                          Diagnostics& diagnostics);

}  // namespace steward::model::formats
