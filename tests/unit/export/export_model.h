#pragma once

// Shared by the export tests: a model from inline files, through the model tests' helpers.
#include "model/model_helpers.h"

namespace steward::exports::testing {

using model::testing::build;
using model::testing::Files;
using model::testing::places;

}  // namespace steward::exports::testing
