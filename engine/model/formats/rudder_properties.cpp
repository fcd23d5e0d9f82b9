#include "model/formats/rudder_properties.h"

#include <algorithm>

#include "model/formats/schema_merge.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::model::formats {

namespace {

// Nested properties and custom types within one another: far beyond any real plan.
constexpr int kMaxDepth = 32;

std::string join(const std::string& parent, const std::string& name) {
  return parent.empty() ? name : parent + "." + name;
}

void warn(Diagnostics& diagnostics, const Span& span, std::string message) {
  diagnostics.push_back(make_diagnostic(rule_id::kSchemaUnsupportedKeyword, Severity::warning, span,
                                        std::move(message),
                                        "see docs/formats.md for what is mapped"));
}

}  // namespace

RudderPropertyBuilder::RudderPropertyBuilder(RudderIndex& index,
                                             const std::vector<Property>& library,
                                             Diagnostics& diagnostics)
    : index_(index), diagnostics_(diagnostics) {
  for (const auto& property : library)
    library_.try_emplace(property.name, &property);
}

bool RudderPropertyBuilder::too_deep(int depth, const Span& span) {
  if (depth <= kMaxDepth) return false;
  warn(diagnostics_, span,
       "properties nested deeper than " + std::to_string(kMaxDepth) + " levels are not read");
  return true;
}

std::optional<Property> RudderPropertyBuilder::build(const RudderUse& use,
                                                     const std::string& parent_path, int depth) {
  if (too_deep(depth, use.property.span)) return std::nullopt;
  const RudderPropertyDef* definition = index_.property(use.property);
  if (!definition) return std::nullopt;
  Property property;
  property.name = definition->name;
  property.path = join(parent_path, property.name);
  property.span = property.type_span = property.pii_span = use.property.span;
  property.description = definition->description;
  property.required = use.required;
  apply_type(definition->type, property, depth);
  if (use.additional_properties) property.additional_properties = *use.additional_properties;
  add_uses(use.properties, property, depth + 1, false);
  if (auto classified = library_.find(definition->id.name); classified != library_.end()) {
    const Property& library = *classified->second;
    if (property.pii->empty()) {
      property.pii = library.pii;
      property.pii_span = library.pii_span;
    }
    if (property.consent.empty()) property.consent = library.consent;
  }
  return property;
}

void RudderPropertyBuilder::add_uses(const std::vector<RudderUse>& uses, Property& parent,
                                     int depth, bool optional) {
  for (const auto& use : uses) {
    auto child = build(use, parent.path, depth);
    if (!child) continue;
    if (optional) child->required = false;
    auto same = std::find_if(parent.properties.begin(), parent.properties.end(),
                             [&](const Property& p) { return p.name == child->name; });
    if (same == parent.properties.end()) {
      parent.properties.push_back(std::move(*child));
    } else {
      same->required = same->required || child->required;
    }
  }
}

void RudderPropertyBuilder::apply_type(const RudderType& type, Property& property, int depth) {
  if (type.span.valid()) property.type_span = type.span;
  for (const Ref& name : type.types) {
    if (!name.name.starts_with("#")) {
      if (std::find(property.types.begin(), property.types.end(), name.name) ==
          property.types.end()) {
        property.types.push_back(name.name);
      }
    } else if (const RudderCustomType* custom = index_.custom_type(name)) {
      apply_custom_type(*custom, property, depth);
    }
  }
  Property constraints = blank_like(property);
  constraints.constraints = type.constraints;
  constraints.additional_properties = type.additional_properties.value_or(true);
  std::vector<std::string> conflicts;  // a custom type and the property's own config: both hold
  merge_schema(property, constraints, conflicts);
  if (!type.item_types.empty()) {
    // An array's items take the array's name and path, as in the native format.
    Property item = blank_like(property);
    RudderType item_type;
    item_type.types = type.item_types;
    apply_type(item_type, item, depth + 1);
    property.items.clear();
    property.items.push_back(std::move(item));
  }
}

void RudderPropertyBuilder::apply_custom_type(const RudderCustomType& type, Property& property,
                                              int depth) {
  if (too_deep(depth, type.id.span)) return;
  if (std::find(expanding_.begin(), expanding_.end(), &type) != expanding_.end()) {
    warn(diagnostics_, property.span,
         "custom type '" + type.id.name + "' contains itself; the inner one is read as any value");
    return;
  }
  expanding_.push_back(&type);
  apply_type(type.type, property, depth + 1);
  if (property.description->empty()) property.description = type.description;
  add_uses(type.properties, property, depth + 1, false);
  for (const auto& variant : type.variants) {
    index_.property(variant.discriminator);
    add_uses(variant.properties, property, depth + 1, true);
  }
  expanding_.pop_back();
}

}  // namespace steward::model::formats
