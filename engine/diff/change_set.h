#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

// The semantic difference between the base and the head model: what a reviewer needs to know
// about a change, typed per kind of entity, each change with both sides and their spans.
namespace steward::diff {

enum class ChangeKind { added, removed, modified };
// "added", "removed", "modified": the names the policy language and the change summary show.
std::string_view to_string(ChangeKind kind);

// One field that differs between base and head, with the values as text ("" when absent).
struct FieldChange {
  std::string field;  // "type", "required", "pii", "minimum", "sources", "deprecated.sunset"
  std::string base;
  std::string head;
};

// A change to one entity. `base` is null when added, `head` null when removed.
template <class T>
struct EntityChange {
  ChangeKind kind = ChangeKind::modified;
  std::string name;  // the entity's key: an event's name, a property's "event.path"
  const T* base = nullptr;
  const T* head = nullptr;
  std::vector<FieldChange> fields;  // for modified: what changed

  bool added() const { return kind == ChangeKind::added; }
  bool removed() const { return kind == ChangeKind::removed; }
  bool modified() const { return kind == ChangeKind::modified; }
  bool changed(std::string_view field) const {
    for (const auto& f : fields) {
      if (f.field == field) return true;
    }
    return false;
  }
  // Where a finding about the change points: head for what exists at head, else base.
  const Span& span() const { return head ? head->span : base->span; }
  const Span& base_span() const {
    static const Span none;
    return base ? base->span : none;
  }
};

using EventChange = EntityChange<model::Event>;
using SourceChange = EntityChange<model::Source>;
using TransformationChange = EntityChange<model::Transformation>;
using IdentityChange = EntityChange<model::Identity>;
using TeamChange = EntityChange<model::Team>;
using SloChange = EntityChange<model::Slo>;

struct PropertyChange : EntityChange<model::Property> {
  std::string event;  // the event's name
  const model::Event* base_event = nullptr;
  const model::Event* head_event = nullptr;
  // A removed property and an added one of the same type in the same object of one event are
  // probably one property renamed: each names the other.
  std::string renamed_to;    // on the removed side: the added property's path
  std::string renamed_from;  // on the added side: the removed property's path
};

// A destination's change. `widened` says, for a destination on both sides, how what it receives
// grew: its event filter lets more events through, it was enabled again, a platform moved to
// device mode, or a route to it was added, reaches a new environment or delivers new properties.
// A destination whose only change is such a route is here too, with no `fields`.
struct DestinationChange : EntityChange<model::Destination> {
  std::vector<std::string> widened;
};

// A match key of an identity, keyed by identity name and key.
struct MatchKeyChange : EntityChange<model::MatchKey> {
  std::string identity;
};

// An event reaching a destination. Modified when its environments or the properties it
// delivers (or their PII class) changed.
struct RouteChange {
  ChangeKind kind = ChangeKind::modified;
  std::string destination;
  std::string event;
  const model::Route* base = nullptr;
  const model::Route* head = nullptr;
  std::vector<std::string> added_environments;  // where it now reaches and did not
  std::vector<std::string> removed_environments;
  std::vector<const model::DeliveredProperty*> added_properties;    // newly delivered (head)
  std::vector<const model::DeliveredProperty*> removed_properties;  // no longer delivered (base)
  // Delivered on both sides with another PII class (head side).
  std::vector<const model::DeliveredProperty*> reclassified_properties;

  bool added() const { return kind == ChangeKind::added; }
  bool removed() const { return kind == ChangeKind::removed; }
  bool modified() const { return kind == ChangeKind::modified; }
};

// A taxonomy entry (a PII category or a consent purpose) added or removed.
struct TaxonomyEntryChange {
  ChangeKind kind = ChangeKind::added;
  std::string entry;  // "pii_category" or "consent_purpose"
  std::string name;
  Span span;  // head for added, base for removed
};

struct ChangeSet {
  std::vector<EventChange> events;
  std::vector<PropertyChange> properties;
  std::vector<SourceChange> sources;
  std::vector<DestinationChange> destinations;
  std::vector<RouteChange> routes;
  std::vector<TransformationChange> transformations;
  std::vector<IdentityChange> identities;  // identity-level fields: owner, merge, suppress
  std::vector<MatchKeyChange> match_keys;
  std::vector<TeamChange> teams;
  std::vector<SloChange> slos;
  std::vector<TaxonomyEntryChange> taxonomy;

  bool empty() const;
  // Whether anything about identity changed (identities or their match keys).
  bool identity_changed() const { return !identities.empty() || !match_keys.empty(); }
};

// The changes from `base` to `head`. Both models must outlive the change set.
ChangeSet compute_changes(const model::Model& base, const model::Model& head);

}  // namespace steward::diff
