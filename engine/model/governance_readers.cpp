// The governance kinds: teams, the taxonomy and SLOs. Each is small; they share this file.
#include "model/kind_readers.h"
#include "model/model_field_reader.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

std::optional<Team> read_team(const config::Node& root, Diagnostics& diagnostics) {
  static const std::vector<std::string> keys = known_keys<Team>({"kind", "name"});
  YamlFieldReader reader(root, "team", keys, diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Team team;
  team.name = name->name;
  team.span = name->span;
  read_fields(reader, team, diagnostics);  // model_fields.h
  return team;
}

std::optional<Taxonomy> read_taxonomy(const config::Node& root, Diagnostics& diagnostics) {
  static const std::vector<std::string> keys =
      known_keys<Taxonomy>({"kind", "name", "description", "residency"});
  YamlFieldReader reader(root, "taxonomy", keys, diagnostics);
  if (!reader.is_mapping()) return std::nullopt;
  Taxonomy taxonomy;
  taxonomy.builtin = false;
  taxonomy.span = root.find("kind") ? root.find("kind")->span : root.span;
  reader.text("name");
  reader.text("description");
  read_fields(reader, taxonomy, diagnostics);  // model_fields.h
  if (const config::Node* residency = reader.sequence("residency")) {
    static const std::vector<std::string> rule_keys = known_keys<ResidencyRule>({"pii"});
    for (const auto& item : residency->items) {
      YamlFieldReader r(item, "residency rule", rule_keys, diagnostics);
      if (!r.is_mapping()) continue;
      ResidencyRule rule;
      rule.span = item.span;
      auto pii = r.ref("pii", true);
      if (!pii) continue;
      rule.pii = *pii;
      read_fields(r, rule, diagnostics);  // model_fields.h
      taxonomy.residency.push_back(std::move(rule));
    }
  }
  return taxonomy;
}

std::optional<Slo> read_slo(const config::Node& root, Diagnostics& diagnostics) {
  static const std::vector<std::string> keys =
      known_keys<Slo>({"kind", "name", "description", "destination"});
  YamlFieldReader reader(root, "slo", keys, diagnostics);
  auto destination = reader.ref("destination", true);
  if (!destination) return std::nullopt;
  Slo slo;
  slo.destination = *destination;
  slo.span = destination->span;
  reader.text("name");
  reader.text("description");
  read_fields(reader, slo, diagnostics);  // model_fields.h
  return slo;
}

}  // namespace steward::model
