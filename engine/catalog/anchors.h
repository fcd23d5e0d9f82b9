#pragma once

#include <string>

#include "model/model.h"

namespace steward::catalog {

// Anchors on the index page by position, never by name: names from the repository do not make
// ids or URLs. "e-3" for the fourth event, "e-3-p-1" for its second property (file order).
std::string event_anchor(const model::Model& model, const model::Event& event);
std::string property_anchor(const model::Model& model, const model::Property& property);

}  // namespace steward::catalog
