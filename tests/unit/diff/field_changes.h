#pragma once

// A diff's field changes as "field: base -> head" lines, for the diff tests' assertions.

#include <string>
#include <vector>

#include "diff/change_set.h"

namespace steward::diff::testing {

inline std::vector<std::string> fields_of(const std::vector<FieldChange>& fields) {
  std::vector<std::string> out;
  for (const auto& f : fields)
    out.push_back(f.field + ": " + f.base + " -> " + f.head);
  return out;
}

}  // namespace steward::diff::testing
