#pragma once

#include <string>

#include "config/node.h"
#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model {

// The keys a property definition may carry (JSON Schema's vocabulary in snake_case, plus pii and
// consent).
const std::vector<std::string>& property_keys();

// Reads one property definition. `key` is the node of its name (its span is the property's span);
// `parent_path` is the dotted path of the enclosing object ("" at the top).
Property read_property(const config::Node& key, const config::Node& definition,
                       const std::string& parent_path, Diagnostics& diagnostics);

// Reads a `properties:` mapping.
std::vector<Property> read_properties(const config::Node& mapping, const std::string& parent_path,
                                      Diagnostics& diagnostics);

}  // namespace steward::model
