// Every row of the model's field tables (model/model_fields.h), for every entity, is read from
// YAML, written by `steward model`, compared by the diff and, when it has a summary, bound in the
// policy language, all by its name. The test walks the tables, so a row added there is covered
// without an edit here; a new entity's table needs its Subject below.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "../model/model_helpers.h"
#include "diff/change_set.h"
#include "model/model_fields.h"
#include "model/model_json.h"
#include "policy/language_types.h"
#include "policy/model_view.h"

using namespace steward;
using nlohmann::json;
using steward::model::testing::build;

namespace {

// Teams, sources and library properties named `one` and `two`, so that a reference resolves.
const std::string kPrelude = R"(kind: team
name: one
---
kind: team
name: two
---
kind: source
name: one
environments: [production]
---
kind: source
name: two
environments: [production]
---
kind: property
name: one
type: string
---
kind: property
name: two
type: string
---
)";

// One value of a field as the YAML writes it, as `steward model` writes it, and as the diff and
// the language show it.
struct Sample {
  std::string yaml;
  json dumped;
  std::string shown;
};

// The values the base and the head give a field of C++ type T: base's is never the entity's
// default (so every JSON policy writes it), head's differs from base's; both pass the row's
// checks and choices.
template <class Owner, class T>
std::pair<Sample, Sample> samples(const model::ModelField<Owner>& row, const T& default_value) {
  if constexpr (std::is_same_v<T, bool>) {
    auto sample = [](bool b) { return Sample{b ? "true" : "false", b, b ? "true" : "false"}; };
    return {sample(!default_value), sample(default_value)};
  } else if constexpr (std::is_same_v<T, model::EventStatus>) {
    return {{"draft", "draft", "draft"}, {"removed", "removed", "removed"}};
  } else if constexpr (std::is_same_v<T, std::optional<double>> ||
                       std::is_same_v<T, std::optional<long long>>) {
    return {{"3", 3, "3"}, {"4", 4, "4"}};
  } else {
    std::string a = "one", b = "two";
    switch (row.names) {
      case model::Names::category:
        a = "user.contact.email", b = "user.contact.phone";
        break;
      case model::Names::purpose:
        a = "analytics", b = "marketing";
        break;
      case model::Names::percentage:
        a = "1%", b = "2.5%";
        break;
      case model::Names::duration:
        a = "5m", b = "250ms";
        break;
      case model::Names::date:
        a = "2026-01-31", b = "2026-03-01";
        break;
      case model::Names::count:
        a = "1000", b = "2000";
        break;
      default:
        break;
    }
    if (row.choices.size() >= 2) a = row.choices[0], b = row.choices[1];
    if constexpr (std::is_same_v<T, std::vector<model::Ref>> ||
                  std::is_same_v<T, std::vector<std::string>>) {
      return {{"[" + a + "]", json::array({a}), a}, {"[" + b + "]", json::array({b}), b}};
    } else {
      return {{a, a, a}, {b, b, b}};
    }
  }
}

// A field's value as the samples show it.
template <class T>
std::string shown(const T& value) {
  if constexpr (std::is_same_v<T, std::string>) {
    return value;
  } else if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_same_v<T, model::Ref>) {
    return value.name;
  } else if constexpr (std::is_same_v<T, model::EventStatus>) {
    return std::string(model::to_string(value));
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    return value.value_or("");
  } else if constexpr (std::is_same_v<T, std::optional<double>> ||
                       std::is_same_v<T, std::optional<long long>>) {
    if (!value) return "";
    std::ostringstream text;  // as the diff writes numbers
    text << *value;
    return text.str();
  } else {
    std::string text;
    for (const auto& item : value) {
      if constexpr (std::is_same_v<T, std::vector<model::Ref>>) {
        text += (text.empty() ? "" : ", ") + item.name;
      } else {
        text += (text.empty() ? "" : ", ") + item;
      }
    }
    return text;
  }
}

// A sample as the C++ value a format would set.
template <class T>
T value_of(const Sample& sample) {
  if constexpr (std::is_same_v<T, bool>) {
    return sample.shown == "true";
  } else if constexpr (std::is_same_v<T, model::Ref>) {
    return model::Ref{sample.shown, {}};
  } else if constexpr (std::is_same_v<T, std::vector<model::Ref>>) {
    return {model::Ref{sample.shown, {}}};
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    return {sample.shown};
  } else if constexpr (std::is_same_v<T, model::EventStatus>) {
    for (model::EventStatus status : model::kEventStatuses) {
      if (model::to_string(status) == sample.shown) return status;
    }
    return model::EventStatus::active;
  } else if constexpr (std::is_same_v<T, std::optional<double>> ||
                       std::is_same_v<T, std::optional<long long>>) {
    return sample.dumped.get<typename T::value_type>();
  } else {
    return sample.shown;  // std::string, std::optional<std::string>
  }
}

// Where an entity lives in a repository, in `steward model`'s JSON, in the change set and in the
// language. `document` is the YAML of a repository whose entity has `field` (one `key: value`, or
// empty) among its keys.
template <class Owner>
struct Subject {
  std::string (*document)(const std::string& field);
  Owner& (*entity)(model::Model& model);
  const json& (*dumped)(const json& model_json);
  // The changes of the entity, as "field: base -> head".
  std::vector<std::string> (*changes)(const diff::ChangeSet& changes);
  const policy::ObjectType* policy::LanguageTypes::*type;
  const char* diff_prefix = nullptr;  // the diff's name of a part ("deprecated.since")
};

// A key: value line, or a section's mapping holding it (Identity's `merge: {on_conflict: ...}`).
template <class Owner>
std::string field_yaml(const model::ModelField<Owner>& row, const std::string& value) {
  if (!row.yaml_key) return "";
  std::string field = std::string(row.yaml_key) + ": " + value;
  return row.section ? std::string(row.section) + ": {" + field + "}" : field;
}

const json& named(const json& list, const char* key, const std::string& name) {
  for (const json& entry : list) {
    if (entry.at(key) == name) return entry;
  }
  FAIL("no " << name << " in the model's JSON");
  return list;
}

template <class Change>
std::vector<std::string> changes_of(const std::vector<Change>& changes, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& change : changes) {
    if (change.name != name) continue;
    for (const auto& f : change.fields)
      out.push_back(f.field + ": " + f.base + " -> " + f.head);
  }
  return out;
}

std::string event_with(const std::string& field) {
  return kPrelude + "kind: event\nname: e\n" + field + "\nproperties:\n  p: {type: string}\n";
}
std::string property_with(const std::string& field) {
  return kPrelude + "kind: event\nname: e\nproperties:\n  p:\n    type: string\n    " + field +
         "\n";
}
std::string entity_with(const char* kind, const std::string& field) {
  return kPrelude + "kind: " + kind + "\nname: x\n" + field + "\n";
}

const Subject<model::Event> kEvent{
    event_with, [](model::Model& m) -> model::Event& { return m.events.back(); },
    [](const json& j) -> const json& { return named(j.at("events"), "name", "e"); },
    [](const diff::ChangeSet& c) { return changes_of(c.events, "e"); },
    &policy::LanguageTypes::event};
const Subject<model::Property> kProperty{
    property_with,
    [](model::Model& m) -> model::Property& { return m.events.back().properties.at(0); },
    [](const json& j) -> const json& {
      return named(j.at("events"), "name", "e").at("properties").at(0);
    },
    [](const diff::ChangeSet& c) { return changes_of(c.properties, "e.p"); },
    &policy::LanguageTypes::property};
const Subject<model::Constraints> kConstraints{
    property_with,
    [](model::Model& m) -> model::Constraints& {
      return m.events.back().properties.at(0).constraints.edit();
    },
    [](const json& j) -> const json& {
      return named(j.at("events"), "name", "e").at("properties").at(0).at("constraints");
    },
    [](const diff::ChangeSet& c) { return changes_of(c.properties, "e.p"); },
    &policy::LanguageTypes::property};
const Subject<model::Source> kSource{
    [](const std::string& f) { return entity_with("source", f); },
    [](model::Model& m) -> model::Source& { return m.sources.back(); },
    [](const json& j) -> const json& { return named(j.at("sources"), "name", "x"); },
    [](const diff::ChangeSet& c) { return changes_of(c.sources, "x"); },
    &policy::LanguageTypes::source};
const Subject<model::Destination> kDestination{
    [](const std::string& f) { return entity_with("destination", f); },
    [](model::Model& m) -> model::Destination& { return m.destinations.back(); },
    [](const json& j) -> const json& { return named(j.at("destinations"), "name", "x"); },
    [](const diff::ChangeSet& c) { return changes_of(c.destinations, "x"); },
    &policy::LanguageTypes::destination};
const Subject<model::Transformation> kTransformation{
    [](const std::string& f) { return entity_with("transformation", f); },
    [](model::Model& m) -> model::Transformation& { return m.transformations.back(); },
    [](const json& j) -> const json& { return named(j.at("transformations"), "name", "x"); },
    [](const diff::ChangeSet& c) { return changes_of(c.transformations, "x"); },
    &policy::LanguageTypes::transformation};
const Subject<model::Identity> kIdentity{
    [](const std::string& f) { return entity_with("identity", f); },
    [](model::Model& m) -> model::Identity& { return m.identities.back(); },
    [](const json& j) -> const json& { return named(j.at("identities"), "name", "x"); },
    [](const diff::ChangeSet& c) { return changes_of(c.identities, "x"); },
    &policy::LanguageTypes::identity};
const Subject<model::MatchKey> kMatchKey{
    [](const std::string& f) {
      return entity_with("identity",
                         "match_keys:\n  - {key: email" + (f.empty() ? "" : ", " + f) + "}");
    },
    [](model::Model& m) -> model::MatchKey& { return m.identities.back().match_keys.at(0); },
    [](const json& j) -> const json& {
      return named(j.at("identities"), "name", "x").at("match_keys").at(0);
    },
    [](const diff::ChangeSet& c) { return changes_of(c.match_keys, "email"); },
    &policy::LanguageTypes::match_key};
const Subject<model::Team> kTeam{
    [](const std::string& f) { return entity_with("team", f); },
    [](model::Model& m) -> model::Team& {
      return *std::find_if(m.teams.begin(), m.teams.end(),
                           [](const model::Team& t) { return t.name == "x"; });
    },
    [](const json& j) -> const json& { return named(j.at("teams"), "name", "x"); },
    [](const diff::ChangeSet& c) { return changes_of(c.teams, "x"); },
    &policy::LanguageTypes::team};
const Subject<model::Deprecation> kDeprecation{
    [](const std::string& f) { return event_with("deprecated: {" + f + "}"); },
    [](model::Model& m) -> model::Deprecation& { return *m.events.back().deprecated; },
    [](const json& j) -> const json& {
      return named(j.at("events"), "name", "e").at("deprecated");
    },
    [](const diff::ChangeSet& c) { return changes_of(c.events, "e"); },
    &policy::LanguageTypes::deprecation,
    "deprecated"};
// With no field, no taxonomy document: steward's default applies (`builtin`).
const Subject<model::Taxonomy> kTaxonomy{
    [](const std::string& f) {
      return f.empty() ? kPrelude : kPrelude + "kind: taxonomy\n" + f + "\n";
    },
    [](model::Model& m) -> model::Taxonomy& { return m.taxonomy; },
    [](const json& j) -> const json& { return j.at("taxonomy"); },
    [](const diff::ChangeSet&) { return std::vector<std::string>{}; },  // entries, not fields
    &policy::LanguageTypes::taxonomy};
const Subject<model::ResidencyRule> kResidencyRule{
    [](const std::string& f) {
      return kPrelude + "kind: taxonomy\npii_categories: [user]\nresidency:\n  - {pii: user" +
             (f.empty() ? "" : ", " + f) + "}\n";
    },
    [](model::Model& m) -> model::ResidencyRule& { return m.taxonomy.residency.at(0); },
    [](const json& j) -> const json& { return j.at("taxonomy").at("residency").at(0); },
    [](const diff::ChangeSet&) { return std::vector<std::string>{}; },  // not compared yet
    &policy::LanguageTypes::residency_rule};
const Subject<model::Slo> kSlo{
    [](const std::string& f) {
      return kPrelude + "kind: destination\nname: x\n---\nkind: slo\ndestination: x\n" + f + "\n";
    },
    [](model::Model& m) -> model::Slo& { return m.slos.back(); },
    [](const json& j) -> const json& { return named(j.at("slos"), "destination", "x"); },
    [](const diff::ChangeSet& c) { return changes_of(c.slos, "x"); }, &policy::LanguageTypes::slo};

// The language's value of field `name` on `entity`, shown; "unbound" when the type lacks it.
std::string bound(const policy::ObjectType& type, const std::string& name, const void* entity,
                  const policy::ModelView& view) {
  for (const auto& field : type.fields) {
    if (field.name == name) return field.get(entity, &view).display();
  }
  return "unbound";
}

// The entity the language sees for `owner`: a property for its constraints.
template <class Owner>
const void* language_entity(const Subject<Owner>& subject, model::Model& model, Owner& owner) {
  if constexpr (std::is_same_v<Owner, model::Constraints>) {
    return &kProperty.entity(model);
  } else {
    (void)subject;
    (void)model;
    return &owner;
  }
}

// Checks one row. Derived texts (a destination's events, exclusions, ...) are the diff's view of
// fields with a shape of their own; the diff's own tests cover them.
template <class Owner>
void check_row(const model::ModelField<Owner>& row, const Subject<Owner>& subject) {
  static const Owner defaults{};
  std::visit(
      [&](auto member) {
        if constexpr (model::kIsMember<decltype(member)>) {
          std::string name = row.name;
          CAPTURE(name);
          auto [base_value, head_value] = samples(row, model::field_of(defaults, member));
          auto base = build({{"plan.yaml", subject.document(field_yaml(row, base_value.yaml))}});
          auto head = build({{"plan.yaml", subject.document(field_yaml(row, head_value.yaml))}});
          Owner& base_owner = subject.entity(base.model);
          Owner& head_owner = subject.entity(head.model);
          if (row.yaml_key) {
            CHECK(shown(model::field_of(base_owner, member)) == base_value.shown);  // read
          } else {
            // Only other formats (or the resolver) set it: Iglu's vendor, a pipeline config's
            // `enabled`, a match key's PII class.
            CHECK(shown(model::field_of(base_owner, member)) ==
                  shown(model::field_of(defaults, member)));
            using T = std::remove_cvref_t<decltype(model::field_of(defaults, member))>;
            base_owner.*member = value_of<T>(base_value);
            head_owner.*member = value_of<T>(head_value);
          }
          if (row.json != model::JsonWhen::never) {  // never: left out, or a shape of its own
            json dumped = json::parse(model::model_to_json(base.model));
            const json& entity = subject.dumped(dumped);
            const json& object = row.section ? entity.at(row.section) : entity;
            CHECK(object.value(row.name, json()) == base_value.dumped);
          }
          std::string field = row.section ? std::string(row.section) + "." + row.name : name;
          if (subject.diff_prefix) field = std::string(subject.diff_prefix) + "." + field;
          std::string change = field + ": " + base_value.shown + " -> " + head_value.shown;
          auto fields = subject.changes(diff::compute_changes(base.model, head.model));
          bool diffed = std::find(fields.begin(), fields.end(), change) != fields.end();
          CHECK(diffed == row.diffed);
          policy::ModelView view;
          policy::build_view(base.model, false, view);
          const policy::ObjectType& type = *(policy::language_types().*subject.type);
          CHECK(bound(type, row.name, language_entity(subject, base.model, base_owner), view) ==
                (row.summary ? base_value.shown : std::string("unbound")));
        }
      },
      row.member);
}

template <class Owner>
void check_table(const Subject<Owner>& subject) {
  for (const auto& row : model::field_table(std::type_identity<Owner>{}))
    check_row(row, subject);
}

}  // namespace

TEST_CASE("every row of every entity's field table is read, written, diffed and bound") {
  check_table(kEvent);
  check_table(kProperty);
  check_table(kConstraints);
  check_table(kSource);
  check_table(kDestination);
  check_table(kTransformation);
  check_table(kIdentity);
  check_table(kMatchKey);
  check_table(kTeam);
  check_table(kSlo);
  check_table(kDeprecation);
  check_table(kTaxonomy);
  check_table(kResidencyRule);
}

TEST_CASE("a derived row's texts are what the diff shows for it") {
  auto base = build(
      {{"plan.yaml", kPrelude + "kind: event\nname: e\nproperties:\n  p: {type: string}\n---\n"
                                "kind: destination\nname: x\nevents: [e]\n"}});
  auto head = build(
      {{"plan.yaml", kPrelude + "kind: event\nname: e\nproperties:\n  p: {type: string}\n---\n"
                                "kind: destination\nname: x\nevents: \"*\"\n"
                                "exclude_properties: {e: [p]}\n"}});
  auto fields = changes_of(diff::compute_changes(base.model, head.model).destinations, "x");
  CHECK(std::find(fields.begin(), fields.end(), "events: e -> *") != fields.end());
  CHECK(std::find(fields.begin(), fields.end(), "exclude_properties:  -> e: p") != fields.end());
}

TEST_CASE("a row's check keeps a wrong value out and reports it where it was written") {
  auto loaded = build({{"plan.yaml", kPrelude + "kind: destination\nname: x\n---\nkind: slo\n"
                                                "destination: x\nlatency_p95: soon\n"}});
  CHECK(loaded.model.slos.back().latency_p95.empty());
  bool reported = false;
  for (const auto& d : loaded.diagnostics) {
    if (d.rule == "schema.invalid-value" &&
        d.message == "latency_p95 must be a duration like 5m or 250ms, not 'soon'")
      reported = true;
  }
  CHECK(reported);
}

TEST_CASE("a row of a section is read from the section's mapping, against its keys") {
  auto loaded = build(
      {{"plan.yaml", kPrelude + "kind: identity\nname: x\nmerge:\n"
                                "  on_conflict: keep_newst\n  max_identifiers_per_profle: 3\n"}});
  CHECK(loaded.model.identities.back().on_conflict.empty());
  std::vector<std::string> messages;
  for (const auto& d : loaded.diagnostics)
    messages.push_back(d.rule + ": " + d.message + " / " + d.suggestion);
  CAPTURE(messages);
  auto has = [&](const std::string& text) {
    return std::find(messages.begin(), messages.end(), text) != messages.end();
  };
  CHECK(
      has("schema.invalid-value: on_conflict 'keep_newst' is not one of: "
          "keep_highest_precedence, keep_oldest, keep_newest, reject / did you mean "
          "'keep_newest'?"));
  CHECK(
      has("schema.unknown-key: unknown key 'max_identifiers_per_profle' in merge / did you mean "
          "'max_identifiers_per_profile'?"));
}
