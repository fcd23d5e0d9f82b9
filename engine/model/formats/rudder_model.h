#pragma once

#include <vector>

#include "model/formats/rudder_project.h"
#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model::formats {

struct RudderEntities {
  std::vector<Event> events;
  std::vector<Source> sources;
  std::vector<Destination> destinations;
};

// Turns a rudder-cli project into the model's entities:
// - every catalog event is an event (named by its `name`, else its id; its category is its
//   domain); the tracking-plan rules that use it give its properties (a property any rule
//   requires is required) and whether unplanned properties are allowed;
// - event-stream sources are sources (their SDK type is the platform); an event's sources are
//   the enabled sources whose tracking plan includes it;
// - destinations are destinations, their consent management's categories the consent they need;
// - each enabled connection routes the events of its source's tracking plan (all events, when the
//   source has no tracking plan) to its destination.
// `library` is the native property library, which classifies catalog properties by id.
RudderEntities build_rudder_entities(const RudderProject& project,
                                     const std::vector<Property>& library,
                                     Diagnostics& diagnostics);

}  // namespace steward::model::formats
