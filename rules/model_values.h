#pragma once

#include "model/model.h"
#include "policy/language_types.h"

// The model entity a language value holds, for the built-ins that take one: null when the value
// is none or of another type (the checker types calls, so that means none was passed).
namespace steward::rules {

inline const model::Model* model_of(const policy::Value& value) {
  if (value.object_type() != policy::language_types().model) return nullptr;
  return static_cast<const model::Model*>(value.address());
}

inline const model::Destination* destination_of(const policy::Value& value) {
  if (value.object_type() != policy::language_types().destination) return nullptr;
  return static_cast<const model::Destination*>(value.address());
}

}  // namespace steward::rules
