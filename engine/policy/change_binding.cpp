// The change set (engine/diff) as the policy language sees it: each change has its kind, both
// sides (`base` in the base model, `head` in the head model) and the fields that changed.

#include "diff/change_set.h"
#include "policy/binding.h"

namespace steward::policy::binding {
namespace {

using diff::ChangeKind;
using diff::ChangeSet;
using diff::FieldChange;
using diff::RouteChange;
using diff::TaxonomyEntryChange;

Type obj(const ObjectType* type) {
  return Type::object_of(type);
}
Type list_of(const ObjectType* type) {
  return Type::list(Type::object_of(type));
}
const Type kString = Type::string();
const Type kBool = Type::boolean();
const Type kStrings = Type::list(Type::string());

const ModelView* base_of(const ModelView* v) {
  return v ? v->base : nullptr;
}
const ModelView* head_of(const ModelView* v) {
  return v ? v->head : nullptr;
}

// What every change has: its kind, both sides, and (for modified) the fields that changed.
template <class C, ObjectType* Slots::*Element>
TypeBuilder<C> bind_entity_change(ObjectType& type) {
  TypeBuilder<C> b(type);
  b.field("kind", kString, "added, removed or modified",
          [](const C& c, const ModelView*) { return Value::borrowed(diff::to_string(c.kind)); })
      .field("added", kBool, "whether it is new at head",
             [](const C& c, const ModelView*) { return Value::boolean(c.added()); })
      .field("removed", kBool, "whether it is gone at head",
             [](const C& c, const ModelView*) { return Value::boolean(c.removed()); })
      .field("modified", kBool, "whether it exists on both sides and differs",
             [](const C& c, const ModelView*) { return Value::boolean(c.modified()); })
      .field("name", kString, "the entity's key",
             [](const C& c, const ModelView* v) { return Value::borrowed(c.name, nullptr, v); })
      .field("base", obj(slots.*Element), "the entity at base; none when added",
             [](const C& c, const ModelView* v) { return object<Element>(c.base, base_of(v)); })
      .field("head", obj(slots.*Element), "the entity at head; none when removed",
             [](const C& c, const ModelView* v) { return object<Element>(c.head, head_of(v)); })
      .field("fields", list_of(slots.field_change), "modified: each field that differs",
             [](const C& c, const ModelView* v) { return list<&Slots::field_change>(c.fields, v); })
      .method("changed", {kString}, kBool,
              "modified: whether the field (\"type\", \"pii\", \"deprecated.sunset\") differs",
              [](const C& c, const ModelView*, std::span<const Value> a) {
                return Value::boolean(c.changed(a[0].as_string()));
              })
      .span([](const C& c) { return c.head ? c.head->span : Span{}; })
      .base_span([](const C& c) { return c.base ? c.base->span : Span{}; })
      .display([](const C& c) { return c.name; });
  return b;
}

void bind_field_change() {
  TypeBuilder<FieldChange>(*slots.field_change)
      .field("field", kString, "the field's name (\"type\", \"deprecated.sunset\")",
             [](const FieldChange& f, const ModelView* v) { return text(f.field, v); })
      .field("base", kString, "its value at base as text, or none",
             [](const FieldChange& f, const ModelView* v) { return text(f.base, v); })
      .field("head", kString, "its value at head as text, or none",
             [](const FieldChange& f, const ModelView* v) { return text(f.head, v); })
      .display([](const FieldChange& f) { return f.field; });
}

void bind_route_change() {
  TypeBuilder<RouteChange>(*slots.route_change)
      .field("kind", kString, "added, removed or modified",
             [](const RouteChange& c, const ModelView*) {
               return Value::borrowed(diff::to_string(c.kind));
             })
      .field("added", kBool, "whether the event newly reaches the destination",
             [](const RouteChange& c, const ModelView*) { return Value::boolean(c.added()); })
      .field("removed", kBool, "whether the event no longer reaches it",
             [](const RouteChange& c, const ModelView*) { return Value::boolean(c.removed()); })
      .field("modified", kBool, "whether environments or delivered properties changed",
             [](const RouteChange& c, const ModelView*) { return Value::boolean(c.modified()); })
      .field("destination", kString, "the destination's name",
             [](const RouteChange& c, const ModelView* v) { return text(c.destination, v); })
      .field("event", kString, "the event's name",
             [](const RouteChange& c, const ModelView* v) { return text(c.event, v); })
      .field("base", obj(slots.route), "the route at base; none when added",
             [](const RouteChange& c, const ModelView* v) {
               return object<&Slots::route>(c.base, base_of(v));
             })
      .field("head", obj(slots.route), "the route at head; none when removed",
             [](const RouteChange& c, const ModelView* v) {
               return object<&Slots::route>(c.head, head_of(v));
             })
      .field(
          "added_environments", kStrings, "where it now reaches and did not",
          [](const RouteChange& c, const ModelView* v) { return strings(c.added_environments, v); })
      .field("removed_environments", kStrings, "where it reached and no longer does",
             [](const RouteChange& c, const ModelView* v) {
               return strings(c.removed_environments, v);
             })
      .field("added_properties", list_of(slots.delivered_property),
             "properties newly delivered (head)",
             [](const RouteChange& c, const ModelView* v) {
               return list<&Slots::delivered_property>(c.added_properties, head_of(v));
             })
      .field("removed_properties", list_of(slots.delivered_property),
             "properties no longer delivered (base)",
             [](const RouteChange& c, const ModelView* v) {
               return list<&Slots::delivered_property>(c.removed_properties, base_of(v));
             })
      .field("reclassified_properties", list_of(slots.delivered_property),
             "properties delivered on both sides with another PII class (head)",
             [](const RouteChange& c, const ModelView* v) {
               return list<&Slots::delivered_property>(c.reclassified_properties, head_of(v));
             })
      .span([](const RouteChange& c) {
        return c.head && c.head->destination ? c.head->destination->span : Span{};
      })
      .base_span([](const RouteChange& c) {
        return c.base && c.base->destination ? c.base->destination->span : Span{};
      })
      .display([](const RouteChange& c) { return c.event + " -> " + c.destination; });
}

void bind_taxonomy_change() {
  TypeBuilder<TaxonomyEntryChange>(*slots.taxonomy_change)
      .field("kind", kString, "added or removed",
             [](const TaxonomyEntryChange& c, const ModelView*) {
               return Value::borrowed(diff::to_string(c.kind));
             })
      .field("added", kBool, "whether the entry is new",
             [](const TaxonomyEntryChange& c, const ModelView*) {
               return Value::boolean(c.kind == ChangeKind::added);
             })
      .field("removed", kBool, "whether the entry is gone",
             [](const TaxonomyEntryChange& c, const ModelView*) {
               return Value::boolean(c.kind == ChangeKind::removed);
             })
      .field("entry", kString, "pii_category or consent_purpose",
             [](const TaxonomyEntryChange& c, const ModelView* v) { return text(c.entry, v); })
      .field("name", kString, "the category or purpose",
             [](const TaxonomyEntryChange& c, const ModelView* v) { return text(c.name, v); })
      .span([](const TaxonomyEntryChange& c) {
        return c.kind == ChangeKind::removed ? Span{} : c.span;
      })
      .base_span([](const TaxonomyEntryChange& c) {
        return c.kind == ChangeKind::removed ? c.span : Span{};
      })
      .display([](const TaxonomyEntryChange& c) { return c.name; });
}

void bind_change_set() {
  TypeBuilder<ChangeSet>(*slots.change_set)
      .field("events", list_of(slots.event_change), "added, removed and modified events",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::event_change>(c.events, v);
             })
      .field("properties", list_of(slots.property_change),
             "added, removed and modified properties, at any depth",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::property_change>(c.properties, v);
             })
      .field("sources", list_of(slots.source_change), "changed sources",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::source_change>(c.sources, v);
             })
      .field("destinations", list_of(slots.destination_change), "changed destinations",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::destination_change>(c.destinations, v);
             })
      .field("routes", list_of(slots.route_change), "changed routes",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::route_change>(c.routes, v);
             })
      .field("transformations", list_of(slots.transformation_change), "changed transformations",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::transformation_change>(c.transformations, v);
             })
      .field("identities", list_of(slots.identity_change),
             "changed identity configurations (owner, merge, suppress)",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::identity_change>(c.identities, v);
             })
      .field("match_keys", list_of(slots.match_key_change), "changed identity match keys",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::match_key_change>(c.match_keys, v);
             })
      .field("teams", list_of(slots.team_change), "changed teams",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::team_change>(c.teams, v);
             })
      .field("slos", list_of(slots.slo_change), "changed SLOs",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::slo_change>(c.slos, v);
             })
      .field("taxonomy", list_of(slots.taxonomy_change),
             "PII categories and consent purposes added or removed",
             [](const ChangeSet& c, const ModelView* v) {
               return list<&Slots::taxonomy_change>(c.taxonomy, v);
             })
      .field("identity_changed", kBool, "whether identities or their match keys changed",
             [](const ChangeSet& c, const ModelView*) {
               return Value::boolean(!c.identities.empty() || !c.match_keys.empty());
             })
      .display([](const ChangeSet&) { return std::string("changes"); });
}

}  // namespace

void bind_change_types() {
  bind_field_change();
  bind_entity_change<diff::EventChange, &Slots::event>(*slots.event_change);
  bind_entity_change<diff::PropertyChange, &Slots::property>(*slots.property_change)
      .field("event", kString, "the event's name",
             [](const diff::PropertyChange& c, const ModelView* v) { return text(c.event, v); })
      .field("base_event", obj(slots.event), "the event at base, or none",
             [](const diff::PropertyChange& c, const ModelView* v) {
               return object<&Slots::event>(c.base_event, base_of(v));
             })
      .field("head_event", obj(slots.event), "the event at head, or none",
             [](const diff::PropertyChange& c, const ModelView* v) {
               return object<&Slots::event>(c.head_event, head_of(v));
             })
      .field(
          "renamed_to", kString, "removed: the path it was probably renamed to, or none",
          [](const diff::PropertyChange& c, const ModelView* v) { return text(c.renamed_to, v); })
      .field("renamed_from", kString, "added: the path it was probably renamed from, or none",
             [](const diff::PropertyChange& c, const ModelView* v) {
               return text(c.renamed_from, v);
             });
  bind_entity_change<diff::SourceChange, &Slots::source>(*slots.source_change);
  bind_entity_change<diff::DestinationChange, &Slots::destination>(*slots.destination_change)
      .field("widened", kStrings,
             "how what it receives grew (more events, environments, properties, device mode)",
             [](const diff::DestinationChange& c, const ModelView* v) {
               return strings(c.widened, v);
             });
  bind_entity_change<diff::TransformationChange, &Slots::transformation>(
      *slots.transformation_change);
  bind_entity_change<diff::IdentityChange, &Slots::identity>(*slots.identity_change);
  bind_entity_change<diff::MatchKeyChange, &Slots::match_key>(*slots.match_key_change)
      .field("identity", kString, "the identity configuration's name",
             [](const diff::MatchKeyChange& c, const ModelView* v) { return text(c.identity, v); });
  bind_entity_change<diff::TeamChange, &Slots::team>(*slots.team_change);
  bind_entity_change<diff::SloChange, &Slots::slo>(*slots.slo_change);
  bind_route_change();
  bind_taxonomy_change();
  bind_change_set();
}

}  // namespace steward::policy::binding
