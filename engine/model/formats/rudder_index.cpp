#include "model/formats/rudder_index.h"

#include <algorithm>

#include "model/formats/rudder_refs.h"
#include "model/yaml_field_reader.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model::formats {

namespace {

std::string place(const Span& span) {
  return span.file() + ":" + std::to_string(span.line);
}

// The rudder-cli kind that defines resources of a reference's kind.
std::string spec_kind(std::string_view kind) {
  if (kind == "property") return "properties";
  if (kind == "event") return "events";
  if (kind == "category") return "categories";
  if (kind == "custom-type") return "custom-types";
  return std::string(kind);
}

// How messages name a kind of reference: "custom type" for custom-type.
std::string kind_name(std::string_view kind) {
  if (kind == "custom-type") return "custom type";
  if (kind == "tracking-plan") return "tracking plan";
  if (kind == "event-stream-source") return "event-stream source";
  return std::string(kind);
}

}  // namespace

RudderIndex::RudderIndex(const RudderProject& project, Diagnostics& diagnostics)
    : diagnostics_(diagnostics) {
  index(project.properties, properties_, "property");
  index(project.events, events_, "event");
  index(project.categories, categories_, "category");
  index(project.custom_types, custom_types_, "custom type");
  index(project.tracking_plans, tracking_plans_, "tracking plan");
  index(project.sources, sources_, "event-stream-source");
  index(project.destinations, destinations_, "destination");
}

template <class T>
void RudderIndex::index(const std::vector<T>& items, Table<T>& table, std::string_view kind) {
  for (const T& item : items) {
    auto [it, inserted] = table.try_emplace(item.id.name, &item);
    if (inserted) continue;
    report(diagnostics_, rule_id::kSchemaDuplicateName, item.id.span,
           std::string(kind) + " '" + item.id.name + "' is defined twice",
           "ids are unique per kind across the rudder-cli project",
           "first defined at " + place(it->second->id.span));
  }
}

void RudderIndex::report_once(std::string rule, const Span& span, std::string message,
                              std::string help, std::string suggestion) {
  if (!reported_.emplace(span.file(), span.line, span.column).second) return;
  report(diagnostics_, std::move(rule), span, std::move(message), std::move(help),
         std::move(suggestion));
}

template <class T>
const T* RudderIndex::resolve(const Ref& ref, std::string_view kind, const Table<T>& table,
                              const char* rule) {
  if (ref.name.empty()) return nullptr;
  auto parsed = parse_rudder_ref(ref.name);
  if (!parsed || parsed->kind != kind) {
    report_once(rule_id::kSchemaInvalidValue, ref.span,
                parsed ? "'" + ref.name + "' refers to kind '" + parsed->kind + "', where a " +
                             kind_name(kind) + " is expected"
                       : "'" + ref.name + "' is not a reference to a " + kind_name(kind),
                "write " + rudder_ref_forms(kind));
    return nullptr;
  }
  auto it = table.find(parsed->id);
  if (it != table.end()) return it->second;
  std::vector<std::string> ids;
  ids.reserve(table.size());
  for (const auto& [id, item] : table)
    ids.push_back(id);
  std::sort(ids.begin(), ids.end());  // a stable did-you-mean among equally close ids
  auto guess = closest_match(parsed->id, ids);
  report_once(rule, ref.span, "no " + kind_name(kind) + " with id '" + parsed->id + "'",
              "define it in a `kind: " + spec_kind(kind) +
                  "` spec of the project, or fix the "
                  "reference",
              guess ? "did you mean '" + *guess + "'?" : "");
  return nullptr;
}

const RudderPropertyDef* RudderIndex::property(const Ref& ref) {
  return resolve(ref, "property", properties_, rule_id::kReferenceUnknownPropertyDefinition);
}

const RudderEventDef* RudderIndex::event(const Ref& ref) {
  return resolve(ref, "event", events_, rule_id::kReferenceUnknownEvent);
}

const RudderCategory* RudderIndex::category(const Ref& ref) {
  return resolve(ref, "category", categories_, rule_id::kReferenceUnknownCategory);
}

const RudderCustomType* RudderIndex::custom_type(const Ref& ref) {
  return resolve(ref, "custom-type", custom_types_, rule_id::kReferenceUnknownCustomType);
}

const RudderTrackingPlan* RudderIndex::tracking_plan(const Ref& ref) {
  return resolve(ref, "tracking-plan", tracking_plans_, rule_id::kReferenceUnknownTrackingPlan);
}

const RudderTrackingPlan* RudderIndex::tracking_plan_by_id(std::string_view id) const {
  auto it = tracking_plans_.find(std::string(id));
  return it == tracking_plans_.end() ? nullptr : it->second;
}

const RudderSource* RudderIndex::source(const Ref& ref) {
  return resolve(ref, "event-stream-source", sources_, rule_id::kReferenceUnknownSource);
}

const RudderDestination* RudderIndex::destination(const Ref& ref) {
  return resolve(ref, "destination", destinations_, rule_id::kReferenceUnknownDestination);
}

}  // namespace steward::model::formats
