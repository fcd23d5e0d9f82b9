// Every row of the model's field tables (model/model_fields.h) is read from YAML, written by
// `steward model`, compared by the diff and, when it has a summary, bound in the policy language,
// all by its name. The test walks the tables, so a row added there is covered without an edit here.
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
// default (so every JSON policy writes it), head's differs from base's.
template <class T>
std::pair<Sample, Sample> samples(model::Names names, const T& default_value) {
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
    if (names == model::Names::category) a = "user.contact.email", b = "user.contact.phone";
    if (names == model::Names::purpose) a = "analytics", b = "marketing";
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

// Where a row of each table lives in the YAML of an event, its JSON and its change.
enum class Place { event, property, constraint };

std::string event_yaml(Place place, const std::string& key, const std::string& value) {
  std::string field = key.empty() ? "" : key + ": " + value;
  if (place == Place::event) {
    return kPrelude + "kind: event\nname: e\n" + field + "\nproperties:\n  p: {type: string}\n";
  }
  return kPrelude + "kind: event\nname: e\nproperties:\n  p:\n    type: string\n    " + field +
         "\n";
}

const json& entity_json(const json& dumped, Place place) {
  for (const json& event : dumped.at("events")) {
    if (event.at("name") != "e") continue;
    if (place == Place::event) return event;
    const json& property = event.at("properties").at(0);
    return place == Place::property ? property : property.at("constraints");
  }
  FAIL("no event e in the model's JSON");
  return dumped;
}

std::vector<std::string> changed_fields(const diff::ChangeSet& changes, Place place) {
  std::vector<std::string> out;
  auto add = [&](const std::vector<diff::FieldChange>& fields) {
    for (const auto& f : fields)
      out.push_back(f.field + ": " + f.base + " -> " + f.head);
  };
  for (const auto& change : changes.events) {
    if (place == Place::event && change.name == "e") add(change.fields);
  }
  for (const auto& change : changes.properties) {
    if (place != Place::event && change.name == "e.p") add(change.fields);
  }
  return out;
}

// The language's value of field `name` on `entity`, shown; "unbound" when the type lacks it.
std::string bound(const policy::ObjectType& type, const std::string& name, const void* entity,
                  const policy::ModelView& view) {
  for (const auto& field : type.fields) {
    if (field.name == name) return field.get(entity, &view).display();
  }
  return "unbound";
}

// Checks one row: `entity_of` finds the row's owner (event, property or constraints) in a model.
template <class Owner, class EntityOf>
void check_row(const model::ModelField<Owner>& row, Place place, EntityOf entity_of) {
  static const Owner defaults{};
  std::visit(
      [&](auto member) {
        std::string name = row.name;
        CAPTURE(name);
        auto [base_value, head_value] = samples(row.names, defaults.*member);
        auto base = build(
            {{"plan.yaml", event_yaml(place, row.yaml_key ? row.yaml_key : "", base_value.yaml)}});
        auto head = build(
            {{"plan.yaml", event_yaml(place, row.yaml_key ? row.yaml_key : "", head_value.yaml)}});
        Owner& base_owner = entity_of(base.model);
        Owner& head_owner = entity_of(head.model);
        if (row.yaml_key) {
          CHECK(shown(base_owner.*member) == base_value.shown);  // read
        } else {
          // Only other formats set it (Iglu's vendor, JSON Schema's additionalProperties).
          CHECK(shown(base_owner.*member) == shown(defaults.*member));
          using T = std::remove_cvref_t<decltype(defaults.*member)>;
          base_owner.*member = value_of<T>(base_value);
          head_owner.*member = value_of<T>(head_value);
        }
        json dumped = json::parse(model::model_to_json(base.model));
        CHECK(entity_json(dumped, place).value(row.name, json()) == base_value.dumped);
        std::string change =
            std::string(row.name) + ": " + base_value.shown + " -> " + head_value.shown;
        auto fields = changed_fields(diff::compute_changes(base.model, head.model), place);
        bool diffed = std::find(fields.begin(), fields.end(), change) != fields.end();
        CHECK(diffed == row.diffed);
        policy::ModelView view;
        policy::build_view(base.model, false, view);
        const policy::LanguageTypes& types = policy::language_types();
        const policy::ObjectType& type = place == Place::event ? *types.event : *types.property;
        const void* address =
            place == Place::event
                ? static_cast<const void*>(&base.model.events.back())
                : static_cast<const void*>(&base.model.events.back().properties[0]);
        CHECK(bound(type, row.name, address, view) ==
              (row.summary ? base_value.shown : std::string("unbound")));
      },
      row.member);
}

}  // namespace

TEST_CASE(
    "every row of the event, property and constraint tables is read, written, diffed and "
    "bound") {
  auto event = [](model::Model& m) -> model::Event& { return m.events.back(); };
  auto property = [](model::Model& m) -> model::Property& {
    return m.events.back().properties.at(0);
  };
  auto constraints = [](model::Model& m) -> model::Constraints& {
    return m.events.back().properties.at(0).constraints.edit();
  };
  for (const auto& row : model::kEventFields)
    check_row(row, Place::event, event);
  for (const auto& row : model::kPropertyFields)
    check_row(row, Place::property, property);
  for (const auto& row : model::kConstraintFields)
    check_row(row, Place::constraint, constraints);
}
