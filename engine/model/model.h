#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "model/compact_vector.h"
#include "model/optional_child.h"
#include "model/type_names.h"
#include "source/shared_value.h"
#include "source/span.h"

// The combined model of a customer-data repository at one revision: the tracking plan, routing,
// identity and governance, every entity with the span it was read from. Plain data: built once by
// the loader, then only read (rules, diff, reports hold pointers into it, so it is never copied).
namespace steward::model {

// A name written in a file, with where it was written: the unit of every reference, so a finding
// about a dangling or changed reference can point at the referring line.
struct Ref {
  std::string name;
  Span span;

  // The same name written at the same place (a SharedValue<Ref> holds nothing for Ref{}).
  friend bool operator==(const Ref& a, const Ref& b) {
    return a.name == b.name && a.span.source == b.span.source && a.span.line == b.span.line &&
           a.span.column == b.span.column && a.span.end_line == b.span.end_line &&
           a.span.end_column == b.span.end_column;
  }
};

struct Constraints {
  std::vector<std::string> enum_values;  // as written (numbers as their text)
  std::string pattern;
  std::string format;
  std::optional<double> minimum;
  std::optional<double> maximum;
  std::optional<double> exclusive_minimum;
  std::optional<double> exclusive_maximum;
  std::optional<long long> min_length;
  std::optional<long long> max_length;
  std::optional<long long> min_items;
  std::optional<long long> max_items;
  std::optional<long long> min_properties;  // objects (JSON Schema minProperties/maxProperties)
  std::optional<long long> max_properties;
  std::optional<std::string> const_value;
  // The JSON types of the enum and const values ("string", "integer", "number", "boolean",
  // "null"), where the format says (JSON Schema); empty when unknown.
  std::vector<std::string> value_types;

  bool operator==(const Constraints&) const = default;
};

struct Event;

// Whether a PII category (a property's `pii:`, a destination's or a transformation's) says the
// data is not personal: `none`. Asked of every property and delivery by the rules and the KPIs;
// compared as a view, by length first.
inline bool is_no_pii(std::string_view category) {
  return category == std::string_view("none");
}

// A property of an event (or of the property library), with its nested properties.
struct Property {
  std::string name;  // the key in its parent
  std::string path;  // dotted from the event's properties: "items.sku" (array items add no segment)
  TypeNames types;   // JSON Schema types; more than one for a union; empty = any
  bool required = false;
  bool additional_properties = true;  // objects: whether unlisted keys are allowed
  // A taxonomy category, "none", or empty when unclassified. A few values over a whole plan: held
  // shared (shared_value.h), one copy of each in a model (PropertyValuePool). Read with `*`.
  SharedValue<std::string> pii;
  // Purposes a user must grant before it is collected. Most properties have none: compact_vector.h.
  CompactVector<Ref> consent;
  // Most properties have none: shared_value.h (8 bytes, none held while empty). Read with `*`.
  SharedValue<std::string> description;
  // Most properties have none, or the same as many others: see shared_value.h. Read with
  // `constraints->`, change with `constraints.edit()`.
  SharedValue<Constraints> constraints;
  // `$ref`: the property-library entry it was defined from. Shared (shared_value.h): most
  // properties have none, and its 56 bytes were a seventh of each of hundreds of thousands.
  SharedValue<Ref> ref;
  std::vector<Property> properties;  // an object's properties
  OptionalChild<Property> items;     // an array's item schema: none or one (optional_child.h)
  const Event* event = nullptr;      // the owning event; null in the property library

  Span span;       // the property's key
  Span type_span;  // the `type:` value
  Span pii_span;   // the `pii:` value (the key's span when absent)
};

enum class EventStatus { draft, active, deprecated, removed };
std::string_view to_string(EventStatus);

struct Deprecation {
  std::string since;  // ISO dates, YYYY-MM-DD
  std::string sunset;
  Ref replaced_by;
  Span span;
};

struct Event {
  std::string name;
  std::string description;
  Ref owner;  // a team
  std::string domain;
  EventStatus status = EventStatus::active;
  std::optional<Deprecation> deprecated;
  std::vector<Ref> sources;
  // Purposes a user must have granted for the event to be collected at all (every one of them);
  // a destination receives it only from such users (see Route::consent).
  std::vector<Ref> consent;
  std::vector<Property> properties;             // the top level, each with its nested properties
  std::vector<const Property*> all_properties;  // every property at any depth, in file order
  std::string version;  // a schema version when the format has one (Iglu SchemaVer)
  Span version_span;    // the `version:` value, when written
  // Iglu self-describing schemas: the vendor ("com.acme") and the key every version of one
  // schema shares ("com.acme/checkout_started/jsonschema"), so versions can be compared in order.
  std::string vendor;
  std::string schema;
  bool additional_properties = true;  // whether properties the plan does not list are allowed
  Span span;                          // the `name:` value
};

// A model's events, each held through a shared pointer: head's and base's models hold the very
// same Event for an event file both revisions have unchanged (see ModelBuilder and
// load_snapshots), so it is read, resolved and stored once. Otherwise a vector of events:
// iterating gives `Event&` (`const Event&` through a const list), and an event stays where it is
// when more are added, as entities and routes point at it.
class EventList {
  using Pointers = std::vector<std::shared_ptr<Event>>;

  template <class T>
  class Iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using iterator_concept = std::random_access_iterator_tag;
    using value_type = Event;
    using difference_type = std::ptrdiff_t;
    using pointer = T*;
    using reference = T&;

    Iterator() = default;
    explicit Iterator(Pointers::const_iterator at) : at_(at) {}
    template <class U>
    requires(std::is_const_v<T> && !std::is_const_v<U>) Iterator(const Iterator<U>& other)
        : at_(other.base()) {}  // NOLINT: iterator to const

    Pointers::const_iterator base() const { return at_; }

    T& operator*() const { return **at_; }
    T* operator->() const { return at_->get(); }
    T& operator[](difference_type n) const { return *at_[n]; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    Iterator operator++(int) { return Iterator(at_++); }
    Iterator& operator--() {
      --at_;
      return *this;
    }
    Iterator operator--(int) { return Iterator(at_--); }
    Iterator& operator+=(difference_type n) {
      at_ += n;
      return *this;
    }
    Iterator& operator-=(difference_type n) {
      at_ -= n;
      return *this;
    }
    friend Iterator operator+(Iterator it, difference_type n) { return it += n; }
    friend Iterator operator+(difference_type n, Iterator it) { return it += n; }
    friend Iterator operator-(Iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const Iterator& a, const Iterator& b) { return a.at_ - b.at_; }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.at_ == b.at_; }
    friend auto operator<=>(const Iterator& a, const Iterator& b) { return a.at_ <=> b.at_; }

   private:
    Pointers::const_iterator at_;
  };

 public:
  using value_type = Event;
  using size_type = size_t;
  using difference_type = std::ptrdiff_t;
  using reference = Event&;
  using const_reference = const Event&;
  using iterator = Iterator<Event>;
  using const_iterator = Iterator<const Event>;

  EventList() = default;
  // Not copied: a copy would share its events with the original, changes and all.
  EventList(const EventList&) = delete;
  EventList& operator=(const EventList&) = delete;
  EventList(EventList&&) = default;
  EventList& operator=(EventList&&) = default;

  size_t size() const { return events_.size(); }
  bool empty() const { return events_.empty(); }
  void reserve(size_t n) {
    events_.reserve(n);
    pointers_.reserve(n);
  }
  void clear() {
    events_.clear();
    pointers_.clear();
  }

  Event& operator[](size_t i) { return *events_[i]; }
  const Event& operator[](size_t i) const { return *events_[i]; }
  Event& at(size_t i) { return *events_.at(i); }
  const Event& at(size_t i) const { return *events_.at(i); }
  Event& front() { return *events_.front(); }
  const Event& front() const { return *events_.front(); }
  Event& back() { return *events_.back(); }
  const Event& back() const { return *events_.back(); }

  iterator begin() { return iterator(events_.cbegin()); }
  iterator end() { return iterator(events_.cend()); }
  const_iterator begin() const { return const_iterator(events_.cbegin()); }
  const_iterator end() const { return const_iterator(events_.cend()); }
  const_iterator cbegin() const { return begin(); }
  const_iterator cend() const { return end(); }

  void push_back(Event event) { push_shared(std::make_shared<Event>(std::move(event))); }
  template <class... Args>
  Event& emplace_back(Args&&... args) {
    push_shared(std::make_shared<Event>(std::forward<Args>(args)...));
    return back();
  }
  // Adds an event that another model may hold too; the loader's to share (model_builder.h).
  void push_shared(std::shared_ptr<Event> event) {
    pointers_.push_back(event.get());
    events_.push_back(std::move(event));
  }
  // Puts `event` at `i` in place of what is there (a model's own copy of a shared event).
  void replace(size_t i, std::shared_ptr<Event> event) {
    pointers_[i] = event.get();
    events_[i] = std::move(event);
  }
  // The position of `event` in the list, or size() when it is not there.
  size_t index_of(const Event& event) const;
  // The events in order, as one array (the policy language lists them through it).
  const std::vector<const Event*>& pointers() const { return pointers_; }

 private:
  Pointers events_;
  std::vector<const Event*> pointers_;  // events_[i].get(), each
};

// The events as pointers, for engine/diff's keyed comparison (`pointers(model.events)`, found
// by argument-dependent lookup beside diff's own for vectors).
inline std::vector<const Event*> pointers(const EventList& events) {
  return events.pointers();
}

// How a destination receives the events of one platform's SDK (RudderStack's connection mode):
// `cloud` through the data plane, where transformations and exclusions apply; `device` straight
// from the app to the vendor's SDK, where they cannot; `hybrid` both.
struct ConnectionMode {
  std::string platform;  // the SDK platform as the config names it: web, android, ios, ...
  std::string mode;      // cloud | device | hybrid
  Span span;             // the mode's value
};

// One consent management provider of a destination on one platform: the purposes (consent
// categories) a user must have granted there before the destination receives anything.
struct ConsentProvider {
  std::string platform;             // web, android, ios, ... as the config names it
  std::string provider;             // oneTrust, ketch, iubenda, custom
  std::string resolution_strategy;  // and | or; empty when not written
  std::vector<Ref> purposes;
  Span span;  // the provider entry
};

// A configuration value that holds a credential as a literal rather than a `{{ .VAR }}`
// placeholder or an environment reference. The value itself is never kept, so no output can
// print it; reports mask it where they show the line (see model/credentials.h).
struct LiteralCredential {
  std::string key;  // the config path: "config.app_key"
  Span span;        // the value
};

struct Source {
  std::string name;
  std::string platform;
  std::vector<Ref> environments;
  std::string description;
  Span span;
};

struct Exclusion {
  Ref event;
  std::vector<Ref> properties;  // property paths
};

struct Mapping {
  Ref event;
  Ref from;  // "properties.total", "properties.items.sku", "context.x", "traits.x"
  std::string to;
  const Property* property = nullptr;  // resolved when `from` is a property path
  Span span;
};

struct Destination {
  std::string name;
  std::string category;  // advertising, analytics, marketing, warehouse, support, ...
  std::string description;
  std::vector<Ref> environments;
  std::string region;
  Span region_span;
  std::vector<Ref> consent;
  std::vector<Ref> allow_pii;  // categories it may receive; a category allows its children
  bool all_events = false;     // events: "*"
  std::vector<Ref> events;
  std::vector<Exclusion> exclude_properties;
  std::vector<Mapping> mappings;
  std::vector<Ref> transformations;
  Span span;
  // Read from pipeline configs that have them (rudder-cli destination specs):
  bool enabled = true;               // a disabled destination receives nothing
  Span enabled_span;                 // the `enabled:` value, when written
  Ref owner;                         // a team, when the format names one
  std::string event_filter;          // "allow" or "deny" with filtered_events; empty: no filter
  std::vector<Ref> filtered_events;  // the allow list or the deny list, by event name
  Span event_filter_span;            // the list's key
  std::vector<ConnectionMode> connection_modes;    // per platform
  std::vector<ConsentProvider> consent_providers;  // per platform
  std::vector<LiteralCredential> literal_credentials;

  // Whether `category` (a dotted PII category) is covered by allow_pii.
  bool allows(std::string_view category) const;
};

struct Write {
  Ref property;
  Ref category;  // the PII class the property has after the transformation
};

struct Transformation {
  std::string name;
  std::string description;
  bool all_events = false;
  std::vector<Ref> events;
  std::vector<Ref> reads;
  std::vector<Write> writes;
  Span span;
};

struct MatchKey {
  std::string key;
  Ref from;  // "traits.email", "properties.email", "context.ip"; empty name when not given
  std::optional<long long> precedence;
  Span precedence_span;
  std::vector<std::string> normalize;
  std::vector<Ref> consent;
  std::string pii;  // the category of the property `from` resolves to, if any
  // Every property `from` reads (`traits.email` reads `email` of each event that defines it).
  std::vector<const Property*> properties;
  Span span;
};

struct Suppression {
  std::string key;
  std::string pattern;
  Span span;
};

struct Identity {
  std::string name;
  std::string description;
  Ref owner;
  std::vector<MatchKey> match_keys;
  std::optional<long long> max_identifiers_per_profile;
  Span max_identifiers_span;
  std::string on_conflict;
  std::vector<Suppression> suppress;
  Span span;
};

struct Team {
  std::string name;
  std::string description;
  std::vector<std::string> reviewers;
  Span span;
};

struct ResidencyRule {
  Ref pii;                                       // a category; applies to it and its children
  std::vector<std::string> regions;              // where the data subjects' data must stay
  std::vector<std::string> destination_regions;  // regions a destination may be in to receive it
  Span span;
};

struct Taxonomy {
  bool builtin = true;  // no `kind: taxonomy` in the repository: steward's default applies
  std::vector<Ref> pii_categories;
  std::vector<Ref> consent_purposes;
  std::vector<ResidencyRule> residency;
  Span span;

  bool has_category(std::string_view category) const;
  bool has_purpose(std::string_view purpose) const;
};

struct Slo {
  Ref destination;
  Ref owner;                          // the team paged when it is missed (an alert's `team` label)
  std::string delivery_error_rate;    // as written: "1%"
  std::string schema_violation_rate;  // "0.5%"
  std::string latency_p95;            // "5m"
  std::string dead_letter_backlog;    // events waiting in the dead-letter queue: "1000"
  Span span;
};

// How a property reaches a destination: its effective category, the property's own `pii` or the
// category a transformation writes, and that transformation. A model holds one of each distinct
// pair (Model::delivery_classes), and the category once (Model::delivered_categories): a large
// plan has millions of deliveries and a few dozen classes.
struct DeliveryClass {
  const std::string* category = nullptr;
  const Transformation* transformed_by = nullptr;

  bool operator==(const DeliveryClass&) const = default;
  // An order for the model's set: by address, through std::less, which orders any two pointers
  // (the built-in `<` does not promise to for pointers into different objects).
  friend bool operator<(const DeliveryClass& a, const DeliveryClass& b) {
    if (a.category != b.category) return std::less<const std::string*>{}(a.category, b.category);
    return std::less<const Transformation*>{}(a.transformed_by, b.transformed_by);
  }
};

// A property as a destination receives it: after exclusions, with its PII class after the
// destination's transformations have run. Two pointers (16 bytes), for the millions of them.
struct DeliveredProperty {
  const Property* property = nullptr;
  const DeliveryClass* delivery = nullptr;  // in its model's delivery_classes

  // The effective category, one copy in the model; null when unclassified.
  const std::string* category() const { return delivery ? delivery->category : nullptr; }
  // The transformation that wrote the category, or null.
  const Transformation* transformed_by() const {
    return delivery ? delivery->transformed_by : nullptr;
  }
  // The effective category ("none", empty when unclassified).
  const std::string& pii() const {
    static const std::string unclassified;
    const std::string* written = category();
    return written ? *written : unclassified;
  }
};

// An event reaching a destination, in the environments where both are connected.
struct Route {
  const Destination* destination = nullptr;
  const Event* event = nullptr;
  // Held shared (shared_value.h), one copy of each list in a model: a destination's routes mostly
  // reach the same few environments, and a list of its own cost each of tens of thousands of
  // routes 24 bytes and an allocation. Read with `*`.
  SharedValue<std::vector<std::string>> environments;
  std::vector<DeliveredProperty> delivered_properties;
  // The platforms (of the event's sources) on which the destination receives the event in
  // device mode: from the app straight to the vendor, untouched by transformations and
  // exclusions. Empty when every platform goes through the cloud, as for most routes: 8 bytes
  // while empty (compact_vector.h).
  CompactVector<std::string> device_platforms;

  // The purposes a user must have granted for the event to reach the destination: the
  // destination's `consent` (required before anything is delivered there) and the event's own
  // (required before it is collected), each once, destination's first.
  std::vector<std::string> consent() const;
};

// Whether `category` equals `ancestor` or lies below it ("user.contact.email" under "user").
bool category_within(std::string_view category, std::string_view ancestor);

struct Model {
  Model() = default;
  Model(const Model&) = delete;  // entities hold pointers into the model's own vectors
  Model& operator=(const Model&) = delete;
  Model(Model&&) = default;
  Model& operator=(Model&&) = default;

  EventList events;
  std::vector<Property> property_library;  // `kind: property`
  std::vector<Source> sources;
  std::vector<Destination> destinations;
  std::vector<Transformation> transformations;
  std::vector<Identity> identities;
  std::vector<Team> teams;
  Taxonomy taxonomy;
  std::vector<Slo> slos;
  std::vector<Route> routes;  // derived: every (destination, event) pair with delivery
  // One copy of each PII category a delivery has (DeliveredProperty::category points here): the
  // rules that read a million deliveries' classes then touch a few hot strings, not the million
  // properties' memory.
  std::set<std::string, std::less<>> delivered_categories;
  // One of each (category, transformation) a delivery has (DeliveredProperty::delivery).
  std::set<DeliveryClass> delivery_classes;

  const Event* find_event(std::string_view name) const;
  const Destination* find_destination(std::string_view name) const;
  const Source* find_source(std::string_view name) const;
  const Transformation* find_transformation(std::string_view name) const;
  const Team* find_team(std::string_view name) const;
  const Property* find_library_property(std::string_view name) const;
  // A property of `event` by dotted path ("items.sku"), or nullptr.
  static const Property* find_property(const Event& event, std::string_view path);
  // The position of `event` in `events` (by its name when indexed), or events.size().
  size_t event_index(const Event& event) const;

  // Rebuilds the name indexes; the loader calls it once the vectors are final.
  void index();

 private:
  std::unordered_map<std::string_view, size_t> events_by_name_;
  std::unordered_map<std::string_view, size_t> destinations_by_name_;
  std::unordered_map<std::string_view, size_t> sources_by_name_;
  std::unordered_map<std::string_view, size_t> transformations_by_name_;
  std::unordered_map<std::string_view, size_t> teams_by_name_;
  std::unordered_map<std::string_view, size_t> library_by_name_;
};

}  // namespace steward::model
