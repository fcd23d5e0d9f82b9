#include "diff/schema_versions.h"

#include <algorithm>
#include <map>

#include "diff/entity_diffs.h"
#include "diff/schema_compatibility.h"
#include "model/formats/iglu.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::diff {

namespace {

using model::formats::parse_schemaver;
using model::formats::SchemaVer;

struct Version {
  SchemaVer schemaver;
  const model::Event* event;
};

// The versions of each schema, in SchemaVer order.
std::map<std::string, std::vector<Version>> versions_by_schema(const model::Model& model) {
  std::map<std::string, std::vector<Version>> out;
  for (const auto& event : model.events) {
    if (event.schema.empty()) continue;
    auto schemaver = parse_schemaver(event.version);
    if (!schemaver) continue;
    out[event.schema].push_back({*schemaver, &event});
  }
  for (auto& [schema, versions] : out) {
    std::stable_sort(versions.begin(), versions.end(),
                     [](const Version& a, const Version& b) { return a.schemaver < b.schemaver; });
  }
  return out;
}

}  // namespace

std::vector<SchemaVersionChange> compare_schema_versions(const model::Model& model) {
  std::vector<SchemaVersionChange> out;
  for (const auto& [schema, versions] : versions_by_schema(model)) {
    for (size_t i = 1; i < versions.size(); ++i) {
      SchemaVersionChange change;
      change.previous = versions[i - 1].event;
      change.next = versions[i].event;
      ChangeSet pair;
      diff_event_pair(*change.previous, *change.next, pair);
      if (!pair.events.empty()) {
        change.event = pair.events.front();
      } else {
        change.event.name = change.next->name;  // nothing but the properties changed
        change.event.base = change.previous;
        change.event.head = change.next;
      }
      change.properties = std::move(pair.properties);
      Compatibility judged =
          judge_compatibility(event_schema(*change.previous), event_schema(*change.next));
      change.incompatibilities = std::move(judged.breaks);
      change.notes = std::move(judged.notes);
      out.push_back(std::move(change));
    }
  }
  return out;
}

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? " " : "; ") + item;
  return out;
}

void report_open_additions(const SchemaVersionChange& change, Diagnostics& diagnostics) {
  diagnostics.push_back(make_diagnostic(
      rule_id::kCompatIgluOpenPropertyAdded, Severity::note, change.next->version_span,
      change.next->schema + " " + change.next->version + " is an ADDITION to " +
          change.previous->version +
          " as SchemaVer is practised, assuming no earlier event carried these keys with other "
          "values:" +
          joined(change.notes),
      "the previous version does not forbid additional properties, so its events may hold any "
      "key; Iglu counts adding an optional property as an ADDITION all the same",
      "if earlier events may carry such a key, version it as a REVISION"));
}

// Judges `next` against `previous` when it bumps only ADDITION: compat.iglu-version-bump when it
// rejects events `previous` accepts, else the open-property notes. `where` says where
// `previous` is (" at base" between revisions; empty within one).
void judge_bump(const model::Event& previous, const model::Event& next, const std::string& where,
                Diagnostics& diagnostics) {
  auto before = parse_schemaver(previous.version);
  auto after = parse_schemaver(next.version);
  bool addition_only =
      before && after && before->model == after->model && before->revision == after->revision;
  if (!addition_only || !(*before < *after)) return;
  SchemaVersionChange change;
  change.previous = &previous;
  change.next = &next;
  Compatibility judged = judge_compatibility(event_schema(previous), event_schema(next));
  change.incompatibilities = std::move(judged.breaks);
  change.notes = std::move(judged.notes);
  if (change.compatible()) {
    if (!change.notes.empty()) report_open_additions(change, diagnostics);
    return;
  }
  SchemaVer revision{after->model, before->revision + 1, 0};
  report(diagnostics, rule_id::kCompatIgluVersionBump, next.version_span,
         next.schema + " " + next.version + " is marked as an ADDITION to " + previous.version +
             where + ", but events valid under " + previous.version +
             " are not all valid under it:" + joined(change.incompatibilities),
         "an ADDITION must accept every event the previous version accepts; a change that may "
         "reject some needs a REVISION bump, one that rejects all a MODEL bump",
         "version it " + revision.text() + " (REVISION), or make the change compatible");
}

}  // namespace

void check_schema_versions(const model::Model& model, Diagnostics& diagnostics) {
  for (const auto& [schema, versions] : versions_by_schema(model)) {
    for (size_t i = 1; i < versions.size(); ++i)
      judge_bump(*versions[i - 1].event, *versions[i].event, "", diagnostics);
  }
}

void check_schema_versions_between(const model::Model& base, const model::Model& head,
                                   Diagnostics& diagnostics) {
  auto before = versions_by_schema(base);
  for (const auto& schema_versions : versions_by_schema(head)) {
    const std::vector<Version>& versions = schema_versions.second;
    auto it = before.find(schema_versions.first);
    if (it == before.end()) continue;
    auto in_head = [&](const SchemaVer& v) {
      return std::any_of(versions.begin(), versions.end(),
                         [&](const Version& h) { return h.schemaver == v; });
    };
    for (size_t i = 0; i < versions.size(); ++i) {
      // The version this one replaced: the highest at base below it that head no longer holds,
      // when head holds nothing between them (then that is its predecessor, judged above).
      const Version* previous = nullptr;
      for (const Version& b : it->second) {
        if (b.schemaver < versions[i].schemaver) previous = &b;
      }
      if (!previous || in_head(previous->schemaver)) continue;
      if (i > 0 && previous->schemaver < versions[i - 1].schemaver) continue;
      judge_bump(*previous->event, *versions[i].event, " at base", diagnostics);
    }
  }
}

}  // namespace steward::diff
