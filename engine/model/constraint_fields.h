#pragma once

#include <cstddef>
#include <optional>

#include "model/model.h"

namespace steward::model {

// The numeric constraints of a property, one row each, in the one order they are read from YAML
// (property_reader.cpp), written by `steward model` (model_json.cpp), compared by the diff
// (tracking_plan_diff.cpp) and, with a summary, bound in the policy language (model_binding.cpp).
// Adding one is a member of Constraints, a row here and a test.
struct NumericConstraint {
  const char* name;  // the key everywhere: YAML, JSON, a diff's field, the language's field
  std::optional<double> Constraints::*number = nullptr;      // set for number-valued ones
  std::optional<long long> Constraints::*integer = nullptr;  // set for integer-valued ones
  const char* summary = nullptr;  // what the language says it is; null: not bound

  std::optional<double> value(const Constraints& c) const {
    if (number) return c.*number;
    const auto& whole = c.*integer;
    return whole ? std::optional<double>(static_cast<double>(*whole)) : std::nullopt;
  }
};

inline constexpr NumericConstraint kNumericConstraints[] = {
    {"minimum", &Constraints::minimum, nullptr, "its minimum, or none"},
    {"maximum", &Constraints::maximum, nullptr, "its maximum, or none"},
    {"exclusive_minimum", &Constraints::exclusive_minimum, nullptr, nullptr},
    {"exclusive_maximum", &Constraints::exclusive_maximum, nullptr, nullptr},
    {"min_length", nullptr, &Constraints::min_length, "its minimum length, or none"},
    {"max_length", nullptr, &Constraints::max_length, "its maximum length, or none"},
    {"min_items", nullptr, &Constraints::min_items, "arrays: the minimum number of items, or none"},
    {"max_items", nullptr, &Constraints::max_items, "arrays: the maximum number of items, or none"},
};
inline constexpr size_t kNumericConstraintCount = std::size(kNumericConstraints);

}  // namespace steward::model
