#pragma once

#include <string>
#include <vector>

#include "diff/change_set.h"

namespace steward::diff {

// Where a change lands: the destinations (and their environments) that receive the event.
struct Reach {
  std::string destination;
  std::vector<std::string> environments;
};

// The destinations an event reaches in `model` (empty when it reaches none).
std::vector<Reach> blast_radius(const model::Model& model, const std::string& event);

// One line of the change summary, shared by the terminal and the Markdown renderings.
struct SummaryLine {
  std::string section;  // "events", "properties", "routes", ...
  ChangeKind kind = ChangeKind::modified;
  std::string subject;       // "checkout_started.email"
  std::string detail;        // "type string -> number; required false -> true"
  std::string head_place;    // "file:line" at head; empty when removed
  std::string base_place;    // "file:line" at base; empty when added
  std::vector<Reach> reach;  // for events and properties: where the change lands
};

std::vector<SummaryLine> summarize(const ChangeSet& changes, const model::Model& base,
                                   const model::Model& head);

// `steward diff` for a terminal.
std::string render_text(const std::vector<SummaryLine>& lines);
// `steward diff --format markdown` and the pull-request comment's change section. `blob_url`
// (optional) links head places: "<blob_url>/<file>#L<line>".
std::string render_markdown(const std::vector<SummaryLine>& lines,
                            const std::string& blob_url = {});

}  // namespace steward::diff
