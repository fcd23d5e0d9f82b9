// The reports of `steward identity simulate`: figures under base and head side by side, the
// largest collisions at head (values masked: they are personal data), and the rule changes.
#include <nlohmann/json.hpp>

#include "source/visible_text.h"
#include "traffic/identity_simulation.h"
#include "traffic/text_table.h"

namespace steward::traffic {

namespace {

using Cell = std::string (*)(std::string_view);
std::string plain(std::string_view text) {
  return visible_text(text);
}
std::string code(std::string_view text) {
  return text.empty() ? "" : markdown_code_span(text);
}

std::string delta(uint64_t base, uint64_t head) {
  if (head == base) return "0";
  return head > base ? "+" + thousands(head - base) : "-" + thousands(base - head);
}

TextTable figures_table(const IdentitySimulation& sim) {
  TextTable table{{"", "base", "head", "change"}, {}, {false, true, true, true}};
  auto row = [&](const char* what, uint64_t IdentityFigures::*field) {
    uint64_t b = sim.base.*field, h = sim.head.*field;
    table.rows.push_back({what, sim.at_base ? thousands(b) : "-", sim.at_head ? thousands(h) : "-",
                          sim.at_base && sim.at_head ? delta(b, h) : ""});
  };
  row("events with identifiers", &IdentityFigures::events);
  row("identifiers", &IdentityFigures::identifiers);
  row("profiles", &IdentityFigures::profiles);
  row("merges", &IdentityFigures::merges);
  row("largest profile", &IdentityFigures::largest_profile);
  row("collisions", &IdentityFigures::collisions);
  row("merges refused by the limit", &IdentityFigures::refused_by_limit);
  row("blocked values (suppress)", &IdentityFigures::blocked_values);
  row("identifiers without consent", &IdentityFigures::without_consent);
  return table;
}

std::string collision_text(const Collision& c, Cell cell) {
  std::string keys;
  for (const auto& [key, n] : c.keys)
    keys += (keys.empty() ? "" : ", ") + cell(key) + " x" + thousands(n);
  std::string examples;
  for (const auto& e : c.examples)
    examples += (examples.empty() ? "" : ", ") + cell(e);
  return "one profile of " + thousands(c.identifiers) + " identifiers joins " +
         thousands(c.values) + " values of " + cell(c.key) + " (" + examples +
         "); its identifiers: " + keys;
}

nlohmann::json figures_json(const IdentityFigures& f) {
  nlohmann::json worst = nlohmann::json::array();
  for (const Collision& c : f.worst) {
    nlohmann::json keys = nlohmann::json::object();
    for (const auto& [key, n] : c.keys)
      keys[key] = n;
    worst.push_back({{"key", c.key},
                     {"values", c.values},
                     {"identifiers", c.identifiers},
                     {"identifiers_by_key", keys},
                     {"examples", c.examples}});
  }
  return {{"events", f.events},
          {"identifiers", f.identifiers},
          {"profiles", f.profiles},
          {"merges", f.merges},
          {"largest_profile", f.largest_profile},
          {"collisions", f.collisions},
          {"refused_by_limit", f.refused_by_limit},
          {"blocked_values", f.blocked_values},
          {"without_consent", f.without_consent},
          {"largest_collisions", worst}};
}

}  // namespace

std::string render_identity_json(const IdentitySummary& s, const config::TrafficCriteria& criteria,
                                 const std::string& base_label, const std::string& head_label) {
  using nlohmann::json;
  json identities = json::array();
  for (const auto& sim : s.identities) {
    identities.push_back({{"name", sim.name},
                          {"at_base", sim.at_base},
                          {"at_head", sim.at_head},
                          {"base", sim.at_base ? figures_json(sim.base) : json(nullptr)},
                          {"head", sim.at_head ? figures_json(sim.head) : json(nullptr)},
                          {"rule_changes", sim.rule_changes}});
  }
  json limits = {{"max_collisions", criteria.max_collisions}, {"max_largest_profile", nullptr}};
  if (criteria.max_largest_profile) limits["max_largest_profile"] = *criteria.max_largest_profile;
  auto failures = identity_failures(s, criteria);
  json out = {{"version", 1},       {"base", base_label},   {"head", head_label},
              {"files", s.files},   {"lines", s.lines},     {"identities", identities},
              {"criteria", limits}, {"failures", failures}, {"passed", failures.empty()}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_identity_text(const IdentitySummary& s, const config::TrafficCriteria& criteria,
                                 const std::string& base_label, const std::string& head_label) {
  std::string out = "steward identity simulate: " + thousands(s.lines) + " lines under base " +
                    visible_text(base_label) + " and head " + visible_text(head_label) + "\n";
  for (const auto& sim : s.identities) {
    out += "\nidentity " + visible_text(sim.name) +
           (!sim.at_base   ? " (new at head)"
            : !sim.at_head ? " (removed at head)"
                           : "") +
           ":\n";
    out += figures_table(sim).text();
    if (!sim.rule_changes.empty()) {
      out += "  rule changes:\n";
      for (const auto& change : sim.rule_changes)
        out += "    " + visible_text(change) + "\n";
    }
    for (const auto& c : sim.head.worst)
      out += "  collision at head: " + collision_text(c, plain) + "\n";
  }
  auto failures = identity_failures(s, criteria);
  out += "\nresult: ";
  if (failures.empty()) out += "passed: within the criteria of traffic.identity\n";
  for (size_t i = 0; i < failures.size(); ++i)
    out += std::string(i ? "        " : "FAILED: ") + visible_text(failures[i]) + "\n";
  return out;
}

std::string render_identity_markdown(const IdentitySummary& s,
                                     const config::TrafficCriteria& criteria,
                                     const std::string& base_label, const std::string& head_label) {
  auto failures = identity_failures(s, criteria);
  std::string out = std::string("## steward identity simulate: ") +
                    (failures.empty() ? "passed" : "failed") + "\n\n" + thousands(s.lines) +
                    " sampled events under base " + markdown_code_span(base_label) + " and head " +
                    markdown_code_span(head_label) + ".\n\n";
  for (const auto& f : failures)
    out += "- **failed:** " + markdown_literal(f) + "\n";
  for (const auto& sim : s.identities) {
    out +=
        "\n### Identity " + markdown_code_span(sim.name) + "\n\n" + figures_table(sim).markdown();
    for (const auto& change : sim.rule_changes)
      out += "- " + markdown_literal(change) + "\n";
    for (const auto& c : sim.head.worst)
      out += "- collision at head: " + collision_text(c, code) + "\n";
  }
  return out;
}

}  // namespace steward::traffic
