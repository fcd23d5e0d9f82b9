#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

// A rudder-cli project as written: the resources of every spec file, each field with its span,
// references not yet resolved. rudder_reader.h fills it; rudder_model.h turns it into the model.
namespace steward::model::formats {

// A use of a catalog property by a tracking-plan rule, a custom type or a variant.
struct RudderUse {
  Ref property;  // the reference as written
  bool required = false;
  std::optional<bool> additional_properties;
  std::vector<RudderUse> properties;  // nested properties of an object
};

// The type of a property or custom type: primitives, or one custom-type reference.
struct RudderType {
  std::vector<Ref> types;
  Span span;                    // the `type:` (or `types:`) value
  std::vector<Ref> item_types;  // arrays: the types of their items
  Constraints constraints;
  std::optional<bool> additional_properties;
};

struct RudderPropertyDef {
  Ref id;
  std::string name;  // the key in the event's payload
  std::string description;
  RudderType type;
};

struct RudderEventDef {
  Ref id;
  Ref name;  // the event name a track call sends; empty for identify, page, screen, group
  std::string event_type;
  std::string description;
  Ref category;
};

struct RudderCategory {
  Ref id;
  std::string name;
};

// A discriminator and the properties its cases and default add.
struct RudderVariant {
  Ref discriminator;
  std::vector<RudderUse> properties;
};

struct RudderCustomType {
  Ref id;
  std::string name;
  std::string description;
  RudderType type;
  std::vector<RudderUse> properties;  // an object type's properties
  std::vector<RudderVariant> variants;
};

struct RudderRule {
  Ref id;
  Ref event;
  Ref includes;                        // #/tp/PLAN/event_rule/RULE instead of an event
  bool additional_properties = false;  // rudder/v0.1 `allow_unplanned`
  std::vector<RudderUse> properties;
  std::vector<RudderVariant> variants;
};

struct RudderTrackingPlan {
  Ref id;
  std::string display_name;
  std::string description;
  std::vector<RudderRule> rules;
};

struct RudderSource {
  Ref id;
  std::string name;
  std::string type;  // the SDK: javascript, ios, android, node, ...
  bool enabled = true;
  Ref tracking_plan;
};

struct RudderDestination {
  Ref id;
  std::string display_name;
  std::string type;
  bool enabled = true;
  Span enabled_span;
  std::vector<Ref> consent;  // config.consent_management.*.consents, each once
  std::vector<ConsentProvider> consent_providers;
  std::string event_filter;  // "allow", "deny" or empty
  std::vector<Ref> filtered_events;
  Span event_filter_span;
  std::vector<ConnectionMode> connection_modes;
  std::vector<LiteralCredential> literal_credentials;
};

struct RudderConnection {
  Ref id;
  Ref source;
  Ref destination;
  bool enabled = true;
};

struct RudderProject {
  std::vector<RudderPropertyDef> properties;
  std::vector<RudderEventDef> events;
  std::vector<RudderCategory> categories;
  std::vector<RudderCustomType> custom_types;
  std::vector<RudderTrackingPlan> tracking_plans;
  std::vector<RudderSource> sources;
  std::vector<RudderDestination> destinations;
  std::vector<RudderConnection> connections;
};

}  // namespace steward::model::formats
