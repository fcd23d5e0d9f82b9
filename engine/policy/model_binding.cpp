// The model as the policy language sees it: one block per entity type, each field with its type
// and a one-line summary (docs/language.md lists the same).

#include <type_traits>
#include <utility>

#include "model/model.h"
#include "model/model_fields.h"
#include "policy/binding.h"
#include "policy/policy_input.h"

namespace steward::policy::binding {

Slots slots{};

Value wrap_string(const void* address, const ModelView* view) {
  return Value::borrowed(*static_cast<const std::string*>(address), nullptr, view);
}

Value wrap_ref(const void* address, const ModelView* view) {
  const auto& r = *static_cast<const model::Ref*>(address);
  return Value::borrowed(r.name, &r.span, view);
}

namespace {

using model::ConnectionMode;
using model::ConsentProvider;
using model::DeliveredProperty;
using model::Deprecation;
using model::Destination;
using model::Event;
using model::Exclusion;
using model::Identity;
using model::LiteralCredential;
using model::Mapping;
using model::MatchKey;
using model::Model;
using model::Property;
using model::ResidencyRule;
using model::Route;
using model::Slo;
using model::Source;
using model::Suppression;
using model::Taxonomy;
using model::Team;
using model::Transformation;
using model::Write;

Type obj(const ObjectType* type) {
  return Type::object_of(type);
}
Type list_of(const ObjectType* type) {
  return Type::list(Type::object_of(type));
}
const Type kString = Type::string();
const Type kNumber = Type::number();
const Type kBool = Type::boolean();
const Type kCategory = Type::category();
const Type kPurpose = Type::purpose();
const Type kTeam = Type::team();
const Type kStrings = Type::list(Type::string());
const Type kCategories = Type::list(Type::category());
const Type kPurposes = Type::list(Type::purpose());

std::string joined_types(const Property& p) {
  std::string text;
  for (const auto& t : p.types)
    text += (text.empty() ? "" : "|") + t;
  return text;
}

// `events: "*"` as the names of the events the destination receives (its routes), each pointing
// at the event's name, so a rule reads one list whichever way the file wrote it.
Value destination_events(const Destination& d, const ModelView* v) {
  if (!d.all_events) return refs(d.events, v);
  std::vector<Value> names;
  for (const Route* r : v->routes_of(d))
    names.push_back(Value::borrowed(r->event->name, &r->event->span, v));
  return Value::owned_list(std::move(names));
}

// A transformation with `events: "*"` runs on every event of the model.
Value transformation_events(const Transformation& t, const ModelView* v) {
  if (!t.all_events) return refs(t.events, v);
  std::vector<Value> names;
  for (const Event& e : v->model->events)
    names.push_back(Value::borrowed(e.name, &e.span, v));
  return Value::owned_list(std::move(names));
}

Value route_consent(const Route& r) {
  std::vector<Value> purposes;
  for (auto& purpose : r.consent())
    purposes.push_back(Value::owned(std::move(purpose)));
  return Value::owned_list(std::move(purposes));
}

void bind_model() {
  TypeBuilder<Model>(*slots.model)
      .field("events", list_of(slots.event), "every event of the tracking plan",
             [](const Model& m, const ModelView* v) {
               return list<&Slots::event>(m.events.pointers(), v);
             })
      .field("properties", list_of(slots.property), "every property of every event, at any depth",
             [](const Model&, const ModelView* v) {
               return list<&Slots::property>(v->all_properties(), v);
             })
      .field("property_library", list_of(slots.property),
             "the `kind: property` definitions events refer to with $ref",
             [](const Model& m, const ModelView* v) {
               return list<&Slots::property>(m.property_library, v);
             })
      .field("sources", list_of(slots.source), "every source",
             [](const Model& m, const ModelView* v) { return list<&Slots::source>(m.sources, v); })
      .field("destinations", list_of(slots.destination), "every destination",
             [](const Model& m, const ModelView* v) {
               return list<&Slots::destination>(m.destinations, v);
             })
      .field("transformations", list_of(slots.transformation), "every transformation",
             [](const Model& m, const ModelView* v) {
               return list<&Slots::transformation>(m.transformations, v);
             })
      .field("identities", list_of(slots.identity), "every identity configuration",
             [](const Model& m, const ModelView* v) {
               return list<&Slots::identity>(m.identities, v);
             })
      .field("match_keys", list_of(slots.match_key), "the match keys of every identity",
             [](const Model&, const ModelView* v) {
               return list<&Slots::match_key>(v->all_match_keys(), v);
             })
      .field("teams", list_of(slots.team), "every team",
             [](const Model& m, const ModelView* v) { return list<&Slots::team>(m.teams, v); })
      .field("taxonomy", obj(slots.taxonomy),
             "PII categories, consent purposes and residency (steward's default when none is "
             "declared)",
             [](const Model& m, const ModelView* v) {
               return object<&Slots::taxonomy>(&m.taxonomy, v);
             })
      .field("slos", list_of(slots.slo), "every SLO",
             [](const Model& m, const ModelView* v) { return list<&Slots::slo>(m.slos, v); })
      .field("routes", list_of(slots.route),
             "every (destination, event) pair that delivers, with what it delivers",
             [](const Model& m, const ModelView* v) { return list<&Slots::route>(m.routes, v); })
      .method("event", {kString}, obj(slots.event), "the event of that name, or none",
              [](const Model& m, const ModelView* v, std::span<const Value> a) {
                return object<&Slots::event>(m.find_event(a[0].as_string()), v);
              })
      .method("destination", {kString}, obj(slots.destination),
              "the destination of that name, or none",
              [](const Model& m, const ModelView* v, std::span<const Value> a) {
                return object<&Slots::destination>(m.find_destination(a[0].as_string()), v);
              })
      .method("source", {kString}, obj(slots.source), "the source of that name, or none",
              [](const Model& m, const ModelView* v, std::span<const Value> a) {
                return object<&Slots::source>(m.find_source(a[0].as_string()), v);
              })
      .method("transformation", {kString}, obj(slots.transformation),
              "the transformation of that name, or none",
              [](const Model& m, const ModelView* v, std::span<const Value> a) {
                return object<&Slots::transformation>(m.find_transformation(a[0].as_string()), v);
              })
      .method("team", {kTeam}, obj(slots.team), "the team of that name, or none",
              [](const Model& m, const ModelView* v, std::span<const Value> a) {
                return object<&Slots::team>(m.find_team(a[0].as_string()), v);
              })
      .display([](const Model&) { return std::string("model"); });
}

// The rows of the model's field tables (model/model_fields.h), bound by the C++ type of their
// member and what their text names.
template <class T>
Type field_type(model::Names names) {
  if constexpr (std::is_same_v<T, std::string>) {
    return names == model::Names::category ? kCategory : kString;
  } else if constexpr (std::is_same_v<T, bool>) {
    return kBool;
  } else if constexpr (std::is_same_v<T, model::Ref>) {
    return names == model::Names::team ? kTeam : kString;
  } else if constexpr (std::is_same_v<T, std::vector<model::Ref>>) {
    if (names == model::Names::purpose) return kPurposes;
    return names == model::Names::category ? kCategories : kStrings;
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    return kStrings;
  } else if constexpr (std::is_same_v<T, std::optional<std::string>> ||
                       std::is_same_v<T, model::EventStatus>) {
    return kString;
  } else {
    static_assert(
        std::is_same_v<T, std::optional<double>> || std::is_same_v<T, std::optional<long long>>,
        "a member type the binding does not know");
    return kNumber;
  }
}

// `origin`: where the value was written (the row's span), or null for the entity's own span.
template <class T>
Value field_value(const T& value, model::Names names, const Span* origin, const ModelView* v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return names == model::Names::category ? pii(value, v, origin) : text(value, v, origin);
  } else if constexpr (std::is_same_v<T, bool>) {
    return Value::boolean(value);
  } else if constexpr (std::is_same_v<T, model::Ref>) {
    return ref(value, v);
  } else if constexpr (std::is_same_v<T, std::vector<model::Ref>>) {
    return refs(value, v);
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    return strings(value, v);
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    return value ? Value::borrowed(*value, origin, v) : Value();
  } else if constexpr (std::is_same_v<T, model::EventStatus>) {
    return Value::borrowed(model::to_string(value));
  } else {
    return optional_number(value);
  }
}

template <class T>
const T& itself(const T& entity) {
  return entity;
}
const model::Constraints& constraints_of(const Property& p) {
  return *p.constraints;
}

// One language field for row I of `Rows` when it has a summary. `Part` finds the row's owner
// in the entity (the entity itself, or a property's constraints).
template <const auto& Rows, class Entity, auto Part, size_t I>
void bind_row(TypeBuilder<Entity>& type) {
  constexpr auto& row = Rows[I];
  if constexpr (row.summary != nullptr) {
    constexpr auto member = std::get<row.member.index()>(row.member);
    static_assert(model::kIsMember<decltype(member)>, "derived texts are for the diff only");
    using Value_t =
        std::remove_cvref_t<decltype(model::field_of(Part(std::declval<const Entity&>()), member))>;
    type.field(row.name, field_type<Value_t>(row.names), row.summary,
               [](const Entity& entity, const ModelView* v) {
                 constexpr auto& self = Rows[I];
                 constexpr auto field = std::get<self.member.index()>(self.member);
                 const auto& owner = Part(entity);
                 const Span* origin = nullptr;
                 if constexpr (self.span != nullptr) origin = &(owner.*self.span);
                 return field_value(model::field_of(owner, field), self.names, origin, v);
               });
  }
}

template <const auto& Rows, class Entity, auto Part, size_t... I>
void bind_rows(TypeBuilder<Entity>& type, std::index_sequence<I...>) {
  (bind_row<Rows, Entity, Part, I>(type), ...);
}

template <const auto& Rows, class Entity, auto Part>
void bind_fields(TypeBuilder<Entity>& type) {
  bind_rows<Rows, Entity, Part>(type, std::make_index_sequence<std::size(Rows)>());
}

void bind_event() {
  TypeBuilder<Event> event(*slots.event);
  event.field("name", kString, "the event's name",
              [](const Event& e, const ModelView* v) { return text(e.name, v, &e.span); });
  bind_fields<model::kEventFields, Event, itself<Event>>(event);
  event
      .field("deprecated", obj(slots.deprecation), "the deprecation notice, or none",
             [](const Event& e, const ModelView* v) {
               return e.deprecated ? object<&Slots::deprecation>(&*e.deprecated, v) : Value();
             })
      .field("properties", list_of(slots.property), "its top-level properties",
             [](const Event& e, const ModelView* v) {
               return list<&Slots::property>(e.properties, v);
             })
      .field("all_properties", list_of(slots.property), "its properties at any depth",
             [](const Event& e, const ModelView* v) {
               return list<&Slots::property>(e.all_properties, v);
             })
      .field("routes", list_of(slots.route), "the routes that deliver it to destinations",
             [](const Event& e, const ModelView* v) {
               return list<&Slots::route>(v->routes_of(e), v);
             })
      .method("property", {kString}, obj(slots.property),
              "its property at a dotted path (\"items.sku\"), or none",
              [](const Event& e, const ModelView* v, std::span<const Value> a) {
                return object<&Slots::property>(Model::find_property(e, a[0].as_string()), v);
              })
      .span([](const Event& e) { return e.span; })
      .display([](const Event& e) { return e.name; });

  TypeBuilder<Deprecation> deprecation(*slots.deprecation);
  bind_fields<model::kDeprecationFields, Deprecation, itself<Deprecation>>(deprecation);
  deprecation.span([](const Deprecation& d) { return d.span; }).display([](const Deprecation& d) {
    return "deprecated since " + d.since;
  });
}

void bind_property() {
  TypeBuilder<Property> property(*slots.property);
  property
      .field("name", kString, "its key in its parent",
             [](const Property& p, const ModelView* v) { return text(p.name, v, &p.span); })
      .field("path", kString, "its dotted path in the event (\"items.sku\")",
             [](const Property& p, const ModelView* v) { return text(p.path, v, &p.span); })
      .field("type", kString, "its JSON Schema type; a union as \"string|null\"; none for any",
             [](const Property& p, const ModelView* v) {
               // One type (nearly every property) is the model's own text; a union is joined.
               if (p.types.size() == 1) return Value::borrowed(p.types.front(), nullptr, v);
               return p.types.empty() ? Value() : Value::owned(joined_types(p));
             })
      .field("types", kStrings, "its JSON Schema types, as a list",
             [](const Property& p, const ModelView* v) {
               // The model's own texts, though not side by side in memory (model/type_names.h).
               std::vector<Value> names;
               names.reserve(p.types.size());
               for (const std::string& name : p.types)
                 names.push_back(Value::borrowed(name, nullptr, v));
               return Value::owned_list(std::move(names));
             });
  // required, pii, ..., minimum, max_length, ...: the rows of model/model_fields.h with a summary.
  bind_fields<model::kPropertyFields, Property, itself<Property>>(property);
  property.field(
      "classified", kBool, "whether `pii:` is given (`pii: none` counts)",
      [](const Property& p, const ModelView*) { return Value::boolean(!p.pii->empty()); });
  bind_fields<model::kConstraintFields, Property, constraints_of>(property);
  property
      .field("properties", list_of(slots.property), "objects: its nested properties",
             [](const Property& p, const ModelView* v) {
               return list<&Slots::property>(p.properties, v);
             })
      .field("items", obj(slots.property), "arrays: the item schema, or none",
             [](const Property& p, const ModelView* v) {
               return p.items.empty() ? Value() : object<&Slots::property>(&p.items.front(), v);
             })
      .field(
          "event", obj(slots.event), "the event it belongs to; none in the property library",
          [](const Property& p, const ModelView* v) { return object<&Slots::event>(p.event, v); })
      .span([](const Property& p) { return p.span; })
      .display([](const Property& p) { return p.event ? p.event->name + "." + p.path : p.path; });
}

void bind_sources() {
  TypeBuilder<Source> source(*slots.source);
  source.field("name", kString, "the source's name",
               [](const Source& s, const ModelView* v) { return text(s.name, v, &s.span); });
  bind_fields<model::kSourceFields, Source, itself<Source>>(source);
  source.span([](const Source& s) { return s.span; }).display([](const Source& s) {
    return s.name;
  });
}

// A destination: its name, the rows of its table, then what has a shape of its own.
void bind_destinations() {
  TypeBuilder<Destination> destination(*slots.destination);
  destination.field(
      "name", kString, "the destination's name",
      [](const Destination& d, const ModelView* v) { return text(d.name, v, &d.span); });
  // category, environments, region, consent, allow_pii, ...: model/model_fields.h
  bind_fields<model::kDestinationFields, Destination, itself<Destination>>(destination);
  destination
      .field("all_events", kBool, "whether it receives every event (`events: \"*\"`)",
             [](const Destination& d, const ModelView*) { return Value::boolean(d.all_events); })
      .field("events", kStrings,
             "the names of the events routed to it; with `\"*\"`, the events it receives",
             [](const Destination& d, const ModelView* v) { return destination_events(d, v); })
      .field("exclude_properties", list_of(slots.exclusion), "properties held back, per event",
             [](const Destination& d, const ModelView* v) {
               return list<&Slots::exclusion>(d.exclude_properties, v);
             })
      .field("mappings", list_of(slots.mapping), "destination fields and where they come from",
             [](const Destination& d, const ModelView* v) {
               return list<&Slots::mapping>(d.mappings, v);
             })
      .field("routes", list_of(slots.route), "the routes that deliver events to it",
             [](const Destination& d, const ModelView* v) {
               return list<&Slots::route>(v->routes_of(d), v);
             })
      .field("connection_modes", list_of(slots.connection_mode),
             "per platform: cloud, device or hybrid",
             [](const Destination& d, const ModelView* v) {
               return list<&Slots::connection_mode>(d.connection_modes, v);
             })
      .field("consent_providers", list_of(slots.consent_provider),
             "per platform: the consent provider and the purposes it requires",
             [](const Destination& d, const ModelView* v) {
               return list<&Slots::consent_provider>(d.consent_providers, v);
             })
      .field("literal_credentials", list_of(slots.literal_credential),
             "credentials its config holds as literals, not placeholders",
             [](const Destination& d, const ModelView* v) {
               return list<&Slots::literal_credential>(d.literal_credentials, v);
             })
      .method("allows", {kCategory}, kBool,
              "whether allow_pii covers the category (a category allows its children)",
              [](const Destination& d, const ModelView*, std::span<const Value> a) {
                return Value::boolean(a[0].is_string() && d.allows(a[0].as_string()));
              })
      .span([](const Destination& d) { return d.span; })
      .display([](const Destination& d) { return d.name; });
}

// What pipeline configs (rudder-cli destination specs) add to a destination.
void bind_destination_configs() {
  TypeBuilder<ConnectionMode>(*slots.connection_mode)
      .field("platform", kString, "web, android, ios, react_native, ... (* for every platform)",
             [](const ConnectionMode& m, const ModelView* v) { return text(m.platform, v); })
      .field("mode", kString, "cloud, device or hybrid",
             [](const ConnectionMode& m, const ModelView* v) { return text(m.mode, v, &m.span); })
      .span([](const ConnectionMode& m) { return m.span; })
      .display([](const ConnectionMode& m) { return m.platform + ": " + m.mode; });

  TypeBuilder<ConsentProvider>(*slots.consent_provider)
      .field("platform", kString, "the platform it applies on",
             [](const ConsentProvider& p, const ModelView* v) { return text(p.platform, v); })
      .field("provider", kString, "oneTrust, ketch, iubenda or custom",
             [](const ConsentProvider& p, const ModelView* v) { return text(p.provider, v); })
      .field("resolution_strategy", kString, "and, or, or none",
             [](const ConsentProvider& p, const ModelView* v) {
               return text(p.resolution_strategy, v);
             })
      .field("purposes", kPurposes, "the consent purposes it requires",
             [](const ConsentProvider& p, const ModelView* v) { return refs(p.purposes, v); })
      .span([](const ConsentProvider& p) { return p.span; })
      .display([](const ConsentProvider& p) { return p.platform + ": " + p.provider; });

  TypeBuilder<LiteralCredential>(*slots.literal_credential)
      .field("key", kString, "its path in the config (\"config.app_key\")",
             [](const LiteralCredential& c, const ModelView* v) { return text(c.key, v, &c.span); })
      .span([](const LiteralCredential& c) { return c.span; })
      .display([](const LiteralCredential& c) { return c.key; });
}

void bind_exclusions_and_mappings() {
  TypeBuilder<Exclusion>(*slots.exclusion)
      .field("event", kString, "the event",
             [](const Exclusion& x, const ModelView* v) { return ref(x.event, v); })
      .field("properties", kStrings, "the property paths held back",
             [](const Exclusion& x, const ModelView* v) { return refs(x.properties, v); })
      .span([](const Exclusion& x) { return x.event.span; })
      .display([](const Exclusion& x) { return x.event.name; });

  TypeBuilder<Mapping>(*slots.mapping)
      .field("event", kString, "the event, or none for every event",
             [](const Mapping& m, const ModelView* v) { return ref(m.event, v); })
      .field("from", kString, "the source path (\"properties.total\")",
             [](const Mapping& m, const ModelView* v) { return ref(m.from, v); })
      .field("to", kString, "the destination field",
             [](const Mapping& m, const ModelView* v) { return text(m.to, v); })
      .field("property", obj(slots.property), "the property `from` resolves to, or none",
             [](const Mapping& m, const ModelView* v) {
               return object<&Slots::property>(m.property, v);
             })
      .span([](const Mapping& m) { return m.span; })
      .display([](const Mapping& m) { return m.from.name + " -> " + m.to; });
}

void bind_transformations() {
  TypeBuilder<Transformation> transformation(*slots.transformation);
  transformation.field(
      "name", kString, "the transformation's name",
      [](const Transformation& t, const ModelView* v) { return text(t.name, v, &t.span); });
  bind_fields<model::kTransformationFields, Transformation, itself<Transformation>>(transformation);
  transformation
      .field("all_events", kBool, "whether it runs on every event",
             [](const Transformation& t, const ModelView*) { return Value::boolean(t.all_events); })
      .field(
          "events", kStrings,
          "the names of the events it runs on (every event of the model with `\"*\"`)",
          [](const Transformation& t, const ModelView* v) { return transformation_events(t, v); })
      .field("writes", list_of(slots.write), "the properties it rewrites and their new class",
             [](const Transformation& t, const ModelView* v) {
               return list<&Slots::write>(t.writes, v);
             })
      .span([](const Transformation& t) { return t.span; })
      .display([](const Transformation& t) { return t.name; });

  TypeBuilder<Write>(*slots.write)
      .field("property", kString, "the property it rewrites",
             [](const Write& w, const ModelView* v) { return ref(w.property, v); })
      .field("category", kCategory, "the PII category the property has afterwards",
             [](const Write& w, const ModelView* v) {
               return pii(w.category.name, v, &w.category.span);
             })
      .span([](const Write& w) { return w.property.span; })
      .display([](const Write& w) { return w.property.name; });
}

void bind_routes() {
  TypeBuilder<Route>(*slots.route)
      .field("destination", obj(slots.destination), "where it delivers",
             [](const Route& r, const ModelView* v) {
               return object<&Slots::destination>(r.destination, v);
             })
      .field("event", obj(slots.event), "what it delivers",
             [](const Route& r, const ModelView* v) { return object<&Slots::event>(r.event, v); })
      .field("environments", kStrings, "where both ends are connected",
             [](const Route& r, const ModelView* v) { return strings(*r.environments, v); })
      .field("consent", kPurposes,
             "the purposes a user must have granted for the event to arrive: the destination's "
             "and the event's",
             [](const Route& r, const ModelView*) { return route_consent(r); })
      .field("delivered_properties", list_of(slots.delivered_property),
             "the properties the destination receives, after exclusions and transformations",
             [](const Route& r, const ModelView* v) {
               return list<&Slots::delivered_property>(r.delivered_properties, v);
             })
      .field("device_platforms", kStrings,
             "the platforms on which it is delivered in device mode, past transformations",
             [](const Route& r, const ModelView* v) { return strings(r.device_platforms, v); })
      .field("device_mode", kBool, "whether some platform delivers it in device mode",
             [](const Route& r, const ModelView*) {
               return Value::boolean(!r.device_platforms.empty());
             })
      .span([](const Route& r) { return r.destination ? r.destination->span : Span{}; })
      .display([](const Route& r) {
        return (r.event ? r.event->name : "?") + " -> " +
               (r.destination ? r.destination->name : "?");
      });

  TypeBuilder<DeliveredProperty>(*slots.delivered_property)
      .field("property", obj(slots.property), "the property as the tracking plan defines it",
             [](const DeliveredProperty& d, const ModelView* v) {
               return object<&Slots::property>(d.property, v);
             })
      .field("pii", kCategory, "its PII category as delivered (after transformations), or none",
             [](const DeliveredProperty& d, const ModelView* v) {
               return pii(d.pii(), v, d.property ? &d.property->pii_span : nullptr);
             })
      .field("transformed_by", obj(slots.transformation),
             "the transformation that changed its class, or none",
             [](const DeliveredProperty& d, const ModelView* v) {
               return object<&Slots::transformation>(d.transformed_by(), v);
             })
      .field("name", kString, "the property's name",
             [](const DeliveredProperty& d, const ModelView* v) {
               return d.property ? text(d.property->name, v, &d.property->span) : Value();
             })
      .field("path", kString, "the property's path",
             [](const DeliveredProperty& d, const ModelView* v) {
               return d.property ? text(d.property->path, v, &d.property->span) : Value();
             })
      .field("event", obj(slots.event), "the property's event",
             [](const DeliveredProperty& d, const ModelView* v) {
               return d.property ? object<&Slots::event>(d.property->event, v) : Value();
             })
      .span([](const DeliveredProperty& d) { return d.property ? d.property->span : Span{}; })
      .display([](const DeliveredProperty& d) {
        if (d.property == nullptr) return std::string("?");
        return d.property->event ? d.property->event->name + "." + d.property->path
                                 : d.property->path;
      });
}

void bind_identity() {
  TypeBuilder<Identity> identity(*slots.identity);
  identity.field("name", kString, "the identity configuration's name",
                 [](const Identity& i, const ModelView* v) { return text(i.name, v, &i.span); });
  bind_fields<model::kIdentityFields, Identity, itself<Identity>>(identity);
  identity
      .field("match_keys", list_of(slots.match_key), "the keys profiles are merged on",
             [](const Identity& i, const ModelView* v) {
               return list<&Slots::match_key>(i.match_keys, v);
             })
      .field("suppress", list_of(slots.suppression), "identifier values never merged on",
             [](const Identity& i, const ModelView* v) {
               return list<&Slots::suppression>(i.suppress, v);
             })
      .span([](const Identity& i) { return i.span; })
      .display([](const Identity& i) { return i.name; });

  TypeBuilder<MatchKey> match_key(*slots.match_key);
  match_key.field("key", kString, "the identifier's name",
                  [](const MatchKey& k, const ModelView* v) { return text(k.key, v, &k.span); });
  bind_fields<model::kMatchKeyFields, MatchKey, itself<MatchKey>>(match_key);
  match_key
      .field("properties", list_of(slots.property),
             "the properties `from` reads, in every event that defines one at that path",
             [](const MatchKey& k, const ModelView* v) {
               return list<&Slots::property>(k.properties, v);
             })
      .span([](const MatchKey& k) { return k.span; })
      .display([](const MatchKey& k) { return k.key; });

  TypeBuilder<Suppression>(*slots.suppression)
      .field("key", kString, "the match key",
             [](const Suppression& s, const ModelView* v) { return text(s.key, v, &s.span); })
      .field("pattern", kString, "the regular expression of suppressed values",
             [](const Suppression& s, const ModelView* v) { return text(s.pattern, v); })
      .span([](const Suppression& s) { return s.span; })
      .display([](const Suppression& s) { return s.key; });
}

void bind_governance() {
  TypeBuilder<Team> team(*slots.team);
  team.field("name", kTeam, "the team's name",
             [](const Team& t, const ModelView* v) { return text(t.name, v, &t.span); });
  bind_fields<model::kTeamFields, Team, itself<Team>>(team);
  team.span([](const Team& t) { return t.span; }).display([](const Team& t) { return t.name; });

  TypeBuilder<Taxonomy> taxonomy(*slots.taxonomy);
  bind_fields<model::kTaxonomyFields, Taxonomy, itself<Taxonomy>>(taxonomy);
  taxonomy
      .field("residency", list_of(slots.residency_rule), "where categories of data must stay",
             [](const Taxonomy& t, const ModelView* v) {
               return list<&Slots::residency_rule>(t.residency, v);
             })
      .method("has_category", {kString}, kBool,
              "whether the category (or one below it) is in the taxonomy",
              [](const Taxonomy& t, const ModelView*, std::span<const Value> a) {
                return Value::boolean(a[0].is_string() && t.has_category(a[0].as_string()));
              })
      .method("has_purpose", {kString}, kBool, "whether the consent purpose is in the taxonomy",
              [](const Taxonomy& t, const ModelView*, std::span<const Value> a) {
                return Value::boolean(a[0].is_string() && t.has_purpose(a[0].as_string()));
              })
      .span([](const Taxonomy& t) { return t.span; })
      .display([](const Taxonomy&) { return std::string("taxonomy"); });

  TypeBuilder<ResidencyRule> residency_rule(*slots.residency_rule);
  residency_rule.field("pii", kCategory, "the category it applies to (with its children)",
                       [](const ResidencyRule& r, const ModelView* v) { return ref(r.pii, v); });
  bind_fields<model::kResidencyRuleFields, ResidencyRule, itself<ResidencyRule>>(residency_rule);
  residency_rule.span([](const ResidencyRule& r) { return r.span; })
      .display([](const ResidencyRule& r) { return r.pii.name; });

  TypeBuilder<Slo> slo(*slots.slo);
  slo.field("destination", kString, "the destination it is about",
            [](const Slo& s, const ModelView* v) { return ref(s.destination, v); });
  bind_fields<model::kSloFields, Slo, itself<Slo>>(slo);
  slo.span([](const Slo& s) { return s.span; }).display([](const Slo& s) {
    return "SLO of " + s.destination.name;
  });

  TypeBuilder<Env>(*slots.env)
      .field("actor", kString, "who made the change, or none",
             [](const Env& e, const ModelView*) { return text(e.actor, nullptr); })
      .field("labels", kStrings, "the pull request's labels",
             [](const Env& e, const ModelView*) { return strings(e.labels, nullptr); })
      .field("environment", kString, "the target environment, or none",
             [](const Env& e, const ModelView*) { return text(e.environment, nullptr); })
      .field("today", kString, "today's date, YYYY-MM-DD",
             [](const Env& e, const ModelView*) { return text(e.today, nullptr); })
      .field("coverage_minimum", kNumber,
             "steward.yaml's coverage minimum in percent (`coverage: {minimum: 90%}`), or none",
             [](const Env& e, const ModelView*) { return optional_number(e.coverage_minimum); })
      .display([](const Env&) { return std::string("env"); });
}

}  // namespace

void bind_model_types() {
  bind_model();
  bind_event();
  bind_property();
  bind_sources();
  bind_destinations();
  bind_destination_configs();
  bind_exclusions_and_mappings();
  bind_transformations();
  bind_routes();
  bind_identity();
  bind_governance();
}

}  // namespace steward::policy::binding
