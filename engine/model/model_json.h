#pragma once

#include <string>

#include "model/model.h"

namespace steward::model {

// The combined model as JSON (`steward model`), every entity with its span. The layout is
// documented in docs/model.md.
std::string model_to_json(const Model& model, int indent = 2);

}  // namespace steward::model
