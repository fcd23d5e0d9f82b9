#pragma once

#include <vector>

#include "findings/finding.h"
#include "model/model.h"
#include "source/source_file.h"

namespace steward::findings {

// A finding about something that exists only at base (a removed property, `deny at c.base`) has
// only a base span. Annotating head at the base's line number would point at an unrelated line, so
// it gets the nearest head location that still exists, found from its subject:
//   "event.path.to.prop" -> the nearest property of the path still in head's event, else the event
//   an event, destination, source, transformation or team name -> that entity in head
//   "event -> destination" (a route) -> the destination in head, else the event
//   otherwise -> line 1 of the same file in head, when head still has that file
// The base span is kept (text ":::", SARIF relatedLocations, JSON base_file/base_line). Findings
// with no head place left keep their base span alone.
void locate_in_head(Findings& findings, const model::Model& head,
                    const std::vector<SourceRef>& head_files);

}  // namespace steward::findings
