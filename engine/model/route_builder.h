#pragma once

#include "model/model.h"

namespace steward::model {

// Derives model.routes: every event a destination receives, in the environments where both the
// destination and one of the event's sources are connected, with the properties it delivers after
// the destination's exclusions and with their PII class after its transformations.
// Events with status `removed` are not sent and have no routes.
void build_routes(Model& model);

}  // namespace steward::model
