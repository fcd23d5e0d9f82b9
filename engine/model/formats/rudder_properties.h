#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/formats/rudder_index.h"
#include "model/model.h"

namespace steward::model::formats {

// Builds the model's properties from rudder-cli catalog properties as tracking-plan rules use
// them: the payload key (`name`), type (custom types expanded, with their properties and
// variants), config constraints, array item types, `required` and nested properties.
//
// rudder-cli rejects keys it does not know, so a rudder-cli file cannot say which PII category a
// property holds. A `kind: property` of steward's native format named like the catalog property's
// id supplies its `pii` and `consent`.
class RudderPropertyBuilder {
 public:
  RudderPropertyBuilder(RudderIndex& index, const std::vector<Property>& library,
                        Diagnostics& diagnostics);

  // The property `use` refers to, under `parent_path`; nullopt when the reference dangles.
  std::optional<Property> build(const RudderUse& use, const std::string& parent_path,
                                int depth = 0);
  // Adds the properties of `uses` to `parent`; a property already there gains their requirement.
  // Properties of variants (`optional`) hold in some cases only, so they are not required.
  void add_uses(const std::vector<RudderUse>& uses, Property& parent, int depth, bool optional);

 private:
  void apply_type(const RudderType& type, Property& property, int depth);
  void apply_custom_type(const RudderCustomType& type, Property& property, int depth);
  bool too_deep(int depth, const Span& span);

  RudderIndex& index_;
  Diagnostics& diagnostics_;
  std::unordered_map<std::string, const Property*> library_;
  std::vector<const RudderCustomType*> expanding_;  // against custom types that contain themselves
};

}  // namespace steward::model::formats
