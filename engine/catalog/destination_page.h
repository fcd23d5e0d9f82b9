#pragma once

#include <string>

#include "catalog/property_reach.h"
#include "model/model.h"

namespace steward::catalog {

// The file name of a destination's page: "destination-NAME.html" when the name is plain letters,
// digits, '-' and '_', "dN.html" (its position) otherwise, so no name from the
// repository can make a path.
std::string destination_file(const model::Model& model, const model::Destination& destination);

// The destination's page: what it is, the events and environments that reach it, and the PII
// categories that reach it after exclusions and transformations, each with the properties that
// carry it. `source_url` is steward.yaml's link template.
std::string destination_page(const model::Model& model, const model::Destination& destination,
                             const PropertyReach& reach, const std::string& source_url);

}  // namespace steward::catalog
