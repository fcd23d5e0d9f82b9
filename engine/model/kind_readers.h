#pragma once

#include <optional>

#include "config/node.h"
#include "model/model.h"
#include "source/diagnostic.h"

// One reader per `kind:` of the native format. Each reads a document's root mapping into a model
// entity and reports schema findings; references between entities are resolved later, once every
// document is read (reference_resolver.h).
namespace steward::model {

std::optional<Event> read_event(const config::Node& root, Diagnostics& diagnostics);
// A `kind: property` library entry (a named property).
std::optional<Property> read_library_property(const config::Node& root, Diagnostics& diagnostics);
std::optional<Source> read_source(const config::Node& root, Diagnostics& diagnostics);
std::optional<Destination> read_destination(const config::Node& root, Diagnostics& diagnostics);
std::optional<Transformation> read_transformation(const config::Node& root,
                                                  Diagnostics& diagnostics);
std::optional<Identity> read_identity(const config::Node& root, Diagnostics& diagnostics);
std::optional<Team> read_team(const config::Node& root, Diagnostics& diagnostics);
std::optional<Taxonomy> read_taxonomy(const config::Node& root, Diagnostics& diagnostics);
std::optional<Slo> read_slo(const config::Node& root, Diagnostics& diagnostics);

}  // namespace steward::model
