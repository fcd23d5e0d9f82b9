#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace steward::catalog {

// How the catalog shows a property's type ("string | null", "any") and its constraints
// ("enum: a, b; min_length: 1"); plain text, escaped by the caller.
std::string type_text(const std::vector<std::string>& types);
std::string constraints_text(const model::Constraints& constraints);

}  // namespace steward::catalog
