#pragma once

#include <functional>

#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model {

// The linking of an event that several models hold (one Event, see ModelBuilder): expanding its
// `$ref`s from the property library, pointing its properties at it and listing them in
// all_properties. It changes the event, so it runs once, in the first model that resolves the
// event; it reads nothing but the event and the property library (which the models sharing the
// event have read from the same documents), so the diagnostics it reported there are the ones it
// would report in the others, which repeat them in place of linking again.
struct SharedLinking {
  bool linked = false;
  Diagnostics diagnostics;  // reference.unknown-property-definition, in the order reported
};

// Resolves every reference between entities: reports the dangling ones (reference.*) at the
// referring value, expands `$ref` from the property library, and links properties to their event.
// Requires model.index() to have run. `shared`: empty, or one entry per event of model.events,
// null for an event no other model holds; the rest of an event's resolution (its team, sources,
// categories and purposes, read only) runs in every model. `linked`, when given, is called once
// every event is linked and before the rest: from then on this model only reads the events.
void resolve_references(Model& model, Diagnostics& diagnostics,
                        const std::vector<SharedLinking*>& shared = {},
                        const std::function<void()>& linked = {});

}  // namespace steward::model
