#pragma once

#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model {

// Resolves every reference between entities: reports the dangling ones (reference.*) at the
// referring value, expands `$ref` from the property library, and links properties to their event.
// Requires model.index() to have run.
void resolve_references(Model& model, Diagnostics& diagnostics);

}  // namespace steward::model
