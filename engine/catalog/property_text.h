#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace steward::catalog {

// How the catalog shows a property's type ("string | null", "any") and its constraints
// ("enum: a, b; min_length: 1"); plain text, escaped by the caller.
std::string type_text(const model::TypeNames& types);
std::string constraints_text(const model::Constraints& constraints);

// Lists as the catalog's pages show them: "a, b" (or with another separator), and the names of
// references the same way.
std::string joined(const std::vector<std::string>& parts, const char* separator = ", ");
std::string names(const std::vector<model::Ref>& refs);

}  // namespace steward::catalog
