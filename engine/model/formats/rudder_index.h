#pragma once

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "model/formats/rudder_project.h"
#include "source/diagnostic.h"

namespace steward::model::formats {

// The resources of a rudder-cli project by id, and the resolution of references to them. A
// reference that is malformed or names a resource of another kind is schema.invalid-value; one
// that names nothing is reference.unknown-* with a did-you-mean. Each place is reported once,
// however often it is resolved (a custom type used by many properties).
class RudderIndex {
 public:
  RudderIndex(const RudderProject& project, Diagnostics& diagnostics);

  const RudderPropertyDef* property(const Ref& ref);
  const RudderEventDef* event(const Ref& ref);
  const RudderCategory* category(const Ref& ref);
  const RudderCustomType* custom_type(const Ref& ref);
  const RudderTrackingPlan* tracking_plan(const Ref& ref);
  const RudderTrackingPlan* tracking_plan_by_id(std::string_view id) const;
  const RudderSource* source(const Ref& ref);
  const RudderDestination* destination(const Ref& ref);

  // Reports `rule` at `span` unless something was already reported there.
  void report_once(std::string rule, const Span& span, std::string message, std::string help = {},
                   std::string suggestion = {});

 private:
  template <class T>
  using Table = std::unordered_map<std::string, const T*>;

  template <class T>
  void index(const std::vector<T>& items, Table<T>& table, std::string_view kind);
  template <class T>
  const T* resolve(const Ref& ref, std::string_view kind, const Table<T>& table, const char* rule);

  Diagnostics& diagnostics_;
  Table<RudderPropertyDef> properties_;
  Table<RudderEventDef> events_;
  Table<RudderCategory> categories_;
  Table<RudderCustomType> custom_types_;
  Table<RudderTrackingPlan> tracking_plans_;
  Table<RudderSource> sources_;
  Table<RudderDestination> destinations_;
  std::set<std::tuple<std::string, uint32_t, uint32_t>> reported_;  // file, line, column
};

}  // namespace steward::model::formats
