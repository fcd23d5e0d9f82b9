// The governance kinds: teams, the taxonomy and SLOs. Each is small; they share this file.
#include <algorithm>
#include <cctype>

#include "model/kind_readers.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

namespace {

// "1%", "0.5%"
bool is_percentage(const std::string& s) {
  if (s.size() < 2 || s.back() != '%') return false;
  bool digit = false;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i])))
      digit = true;
    else if (s[i] != '.')
      return false;
  }
  return digit;
}

// "1000": a whole number of events.
bool is_count(const std::string& s) {
  return !s.empty() && s.size() <= 18 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "250ms", "5s", "5m", "1h"
bool is_duration(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'))
    ++i;
  if (i == 0) return false;
  std::string unit = s.substr(i);
  return unit == "ms" || unit == "s" || unit == "m" || unit == "h";
}

std::string checked(YamlFieldReader& reader, const char* key, bool (*valid)(const std::string&),
                    const char* expected) {
  auto value = reader.text(key);
  if (!value) return {};
  if (!valid(*value)) {
    reader.invalid_value(*reader.get(key),
                         std::string(key) + " must be " + expected + ", not '" + *value + "'");
    return {};
  }
  return *value;
}

}  // namespace

std::optional<Team> read_team(const config::Node& root, Diagnostics& diagnostics) {
  YamlFieldReader reader(root, "team", {"kind", "name", "description", "reviewers"}, diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Team team;
  team.name = name->name;
  team.span = name->span;
  team.description = reader.text("description").value_or("");
  for (const auto& r : reader.refs("reviewers"))
    team.reviewers.push_back(r.name);
  return team;
}

std::optional<Taxonomy> read_taxonomy(const config::Node& root, Diagnostics& diagnostics) {
  YamlFieldReader reader(
      root, "taxonomy",
      {"kind", "name", "description", "pii_categories", "consent_purposes", "residency"},
      diagnostics);
  if (!reader.is_mapping()) return std::nullopt;
  Taxonomy taxonomy;
  taxonomy.builtin = false;
  taxonomy.span = root.find("kind") ? root.find("kind")->span : root.span;
  reader.text("name");
  reader.text("description");
  taxonomy.pii_categories = reader.refs("pii_categories");
  taxonomy.consent_purposes = reader.refs("consent_purposes");
  if (const config::Node* residency = reader.sequence("residency")) {
    for (const auto& item : residency->items) {
      YamlFieldReader r(item, "residency rule", {"pii", "regions", "destination_regions"},
                        diagnostics);
      if (!r.is_mapping()) continue;
      ResidencyRule rule;
      rule.span = item.span;
      auto pii = r.ref("pii", true);
      if (!pii) continue;
      rule.pii = *pii;
      for (const auto& region : r.refs("regions"))
        rule.regions.push_back(region.name);
      for (const auto& region : r.refs("destination_regions")) {
        rule.destination_regions.push_back(region.name);
      }
      taxonomy.residency.push_back(std::move(rule));
    }
  }
  return taxonomy;
}

std::optional<Slo> read_slo(const config::Node& root, Diagnostics& diagnostics) {
  YamlFieldReader reader(root, "slo",
                         {"kind", "name", "description", "destination", "delivery_error_rate",
                          "schema_violation_rate", "latency_p95", "dead_letter_backlog", "owner"},
                         diagnostics);
  auto destination = reader.ref("destination", true);
  if (!destination) return std::nullopt;
  Slo slo;
  slo.destination = *destination;
  slo.span = destination->span;
  reader.text("name");
  reader.text("description");
  slo.delivery_error_rate = checked(reader, "delivery_error_rate", is_percentage, "a percentage");
  slo.schema_violation_rate =
      checked(reader, "schema_violation_rate", is_percentage, "a percentage");
  slo.latency_p95 = checked(reader, "latency_p95", is_duration, "a duration like 5m or 250ms");
  slo.dead_letter_backlog =
      checked(reader, "dead_letter_backlog", is_count, "a count of events like 1000");
  if (auto owner = reader.ref("owner", false)) slo.owner = *owner;
  return slo;
}

}  // namespace steward::model
