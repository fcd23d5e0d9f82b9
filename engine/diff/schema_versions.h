#pragma once

#include <string>
#include <vector>

#include "diff/change_set.h"
#include "source/diagnostic.h"

// Versions of one event schema kept side by side (an Iglu repository holds 1-0-0, 1-0-1, ...
// of each schema): each version compared with its predecessor, without git history.
namespace steward::diff {

struct SchemaVersionChange {
  const model::Event* previous = nullptr;
  const model::Event* next = nullptr;
  EventChange event;                       // the event's own fields (version, description, ...)
  std::vector<PropertyChange> properties;  // property by property, as compute_changes pairs them
  std::vector<std::string> incompatibilities;  // why `next` rejects events `previous` accepts
  std::vector<std::string> notes;  // ADDITIONs as Iglu users practise them (Compatibility::notes)
  bool compatible() const { return incompatibilities.empty(); }
};

// For every schema (Event::schema) with several versions, each version against the one before
// it in SchemaVer order.
std::vector<SchemaVersionChange> compare_schema_versions(const model::Model& model);

// The SchemaVer check: a version that bumps only ADDITION (1-0-0 -> 1-0-1) must accept every
// event its predecessor accepts; otherwise it needs a REVISION or MODEL bump. Each mismatch is a
// compat.iglu-version-bump error at the new version's `version` value. An ADDITION that only adds
// optional properties to an open object is one as Iglu users practise SchemaVer: a
// compat.iglu-open-property-added note there, saying what it assumes.
void check_schema_versions(const model::Model& model, Diagnostics& diagnostics);

// The same check between revisions, for a schema whose file is edited in place with its version
// bumped (snowplow-cli keeps one file per data structure): each version new at head against the
// base version it replaced. Findings are at head.
void check_schema_versions_between(const model::Model& base, const model::Model& head,
                                   Diagnostics& diagnostics);

}  // namespace steward::diff
