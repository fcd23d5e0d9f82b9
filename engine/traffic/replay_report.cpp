// The reports of `steward replay`: text for a terminal, Markdown for the pull-request comment,
// JSON for tools (its shape is documented in docs/traffic.md).
#include <algorithm>

#include "model/model.h"
#include "source/visible_text.h"
#include "traffic/replay.h"
#include "traffic/report_json.h"
#include "traffic/text_table.h"

namespace steward::traffic {

namespace {

constexpr size_t kRows = 25;

using Cell = std::string (*)(std::string_view);

std::string plain(std::string_view text) {
  return visible_text(text);
}
std::string code(std::string_view text) {
  return text.empty() ? "" : markdown_code_span(text);
}

TextTable reasons_table(const std::vector<ReasonTally>& reasons, Cell cell) {
  TextTable table{{"events", "reason", "event", "path", "expected", "plan"}, {}, {true}};
  for (size_t i = 0; i < reasons.size() && i < kRows; ++i) {
    const ReasonTally& r = reasons[i];
    table.rows.push_back({thousands(r.count), std::string(to_string(r.kind)), cell(r.event),
                          cell(r.path), cell(r.expected), cell(place(r.plan))});
  }
  return table;
}

// What a reviewer must see first: personal data, then properties one plan routes and the other
// does not (a rename, an addition); then the properties of events newly rejected or accepted.
int priority(const DeliveryKey& key, const DeliveryChange& change) {
  return (!model::is_no_pii(key.pii) ? 2 : 0) +
         (change.in_base_plan != change.in_head_plan ? 1 : 0);
}

TextTable delivery_table(const ReplaySummary& s, Cell cell, size_t& left_out) {
  struct Row {
    int priority;
    const char* change;
    const DeliveryKey* key;
    uint64_t events;
  };
  std::vector<Row> rows;
  for (const auto& [key, change] : s.deliveries) {
    if (change.newly_delivered)
      rows.push_back({priority(key, change), "newly delivered", &key, change.newly_delivered});
    if (change.no_longer_delivered)
      rows.push_back(
          {priority(key, change), "no longer delivered", &key, change.no_longer_delivered});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.priority > b.priority; });
  left_out = rows.size() > kRows ? rows.size() - kRows : 0;
  TextTable table{
      {"change", "destination", "environment", "event", "property", "pii", "events"}, {}, {}};
  table.numeric = {false, false, false, false, false, false, true};
  for (size_t i = 0; i < rows.size() && i < kRows; ++i) {
    const DeliveryKey& key = *rows[i].key;
    table.rows.push_back({rows[i].change, cell(key.destination), cell(key.environment),
                          cell(key.event), cell(key.property), cell(key.pii),
                          thousands(rows[i].events)});
  }
  return table;
}

std::string more_rows(size_t left_out) {
  if (left_out == 0) return "";
  return "  ... " + thousands(left_out) +
         " more rows: properties with no personal data of the events newly rejected or accepted\n";
}

TextTable consent_table(const ReplaySummary& s, Cell cell) {
  TextTable table{
      {"destination", "event", "newly blocked", "newly allowed"}, {}, {false, false, true, true}};
  for (const auto& [key, change] : s.consent)
    table.rows.push_back({cell(key.first), cell(key.second), thousands(change.newly_blocked),
                          thousands(change.newly_allowed)});
  return table;
}

std::string events_line(const ReplaySummary& s) {
  return thousands(s.newly_rejected) + " newly rejected (" + percent(s.rate(s.newly_rejected)) +
         "), " + thousands(s.newly_accepted) + " newly accepted; rejected at base " +
         thousands(s.rejected_base) + ", at head " + thousands(s.rejected_head);
}

std::string new_pii_text(const NewPiiDelivery& d, Cell cell) {
  std::string properties;
  for (size_t i = 0; i < d.properties.size() && i < 6; ++i)
    properties += (i ? ", " : "") + cell(d.properties[i]);
  if (d.properties.size() > 6) properties += ", ...";
  return cell(d.pii) + " reaches " + cell(d.destination) + " (" + cell(d.environment) + ") in " +
         thousands(d.events) + " events: " + properties;
}

nlohmann::json deliveries_json(const ReplaySummary& s) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [key, change] : s.deliveries) {
    out.push_back({{"destination", key.destination},
                   {"environment", key.environment},
                   {"event", key.event},
                   {"property", key.property},
                   {"pii", key.pii},
                   {"newly_delivered", change.newly_delivered},
                   {"no_longer_delivered", change.no_longer_delivered},
                   {"base_events", change.base_total},
                   {"head_events", change.head_total},
                   {"in_base_plan", change.in_base_plan},
                   {"in_head_plan", change.in_head_plan}});
  }
  return out;
}

}  // namespace

std::string render_replay_json(const ReplaySummary& s, const config::TrafficCriteria& criteria,
                               const std::string& base_label, const std::string& head_label) {
  using nlohmann::json;
  json by_event = json::object();
  for (const auto& [event, counts] : s.by_event)
    by_event[event] = {{"newly_rejected", counts.first}, {"newly_accepted", counts.second}};
  json new_pii = json::array();
  for (const auto& d : s.new_pii) {
    new_pii.push_back({{"destination", d.destination},
                       {"environment", d.environment},
                       {"pii", d.pii},
                       {"events", d.events},
                       {"properties", d.properties}});
  }
  json consent = json::array();
  for (const auto& [key, change] : s.consent) {
    consent.push_back({{"destination", key.first},
                       {"event", key.second},
                       {"newly_blocked", change.newly_blocked},
                       {"newly_allowed", change.newly_allowed}});
  }
  json limits = {{"max_newly_rejected_rate", criteria.max_newly_rejected_rate},
                 {"max_new_pii_deliveries", criteria.max_new_pii_deliveries},
                 {"max_newly_blocked_by_consent_rate", nullptr}};
  if (criteria.max_newly_blocked_by_consent_rate)
    limits["max_newly_blocked_by_consent_rate"] = *criteria.max_newly_blocked_by_consent_rate;
  auto failures = replay_failures(s, criteria);
  json out = {{"version", 1},
              {"base", base_label},
              {"head", head_label},
              {"files", s.files},
              {"lines", s.lines},
              {"rejected_base", s.rejected_base},
              {"rejected_head", s.rejected_head},
              {"newly_rejected", s.newly_rejected},
              {"newly_rejected_rate", s.rate(s.newly_rejected)},
              {"newly_accepted", s.newly_accepted},
              {"by_event", by_event},
              {"new_reasons", detail::reason_tallies_json(s.new_reasons, "events")},
              {"resolved_reasons", detail::reason_tallies_json(s.resolved_reasons, "events")},
              {"deliveries", deliveries_json(s)},
              {"new_pii", new_pii},
              {"consent", consent},
              {"newly_blocked_by_consent", s.newly_blocked_by_consent},
              {"criteria", limits},
              {"failures", failures},
              {"passed", failures.empty()}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_replay_text(const ReplaySummary& s, const config::TrafficCriteria& criteria,
                               const std::string& base_label, const std::string& head_label) {
  std::string out = "steward replay: " + thousands(s.lines) + " lines through base " +
                    visible_text(base_label) + " and head " + visible_text(head_label) + "\n\n";
  out += "events: " + events_line(s) + "\n";
  for (const auto& [event, counts] : s.by_event) {
    out += "  " + visible_text(event) + ": " + thousands(counts.first) + " newly rejected, " +
           thousands(counts.second) + " newly accepted\n";
  }
  if (!s.new_reasons.empty())
    out += "\nreasons new at head (properties newly rejected):\n" +
           reasons_table(s.new_reasons, plain).text();
  if (!s.resolved_reasons.empty())
    out += "\nreasons gone at head (properties newly accepted):\n" +
           reasons_table(s.resolved_reasons, plain).text();
  if (!s.deliveries.empty()) {
    size_t left_out = 0;
    out += "\ndeliveries per destination and environment:\n" +
           delivery_table(s, plain, left_out).text();
    out += more_rows(left_out);
  }
  if (!s.new_pii.empty()) {
    out += "\nPII classes newly reaching a destination:\n";
    for (const auto& d : s.new_pii)
      out += "  " + new_pii_text(d, plain) + "\n";
  }
  if (!s.consent.empty())
    out += "\ndeliveries blocked by consent:\n" + consent_table(s, plain).text();
  auto failures = replay_failures(s, criteria);
  out += "\nresult: ";
  if (failures.empty()) out += "passed: within the success criteria of traffic.replay\n";
  for (size_t i = 0; i < failures.size(); ++i)
    out += std::string(i ? "        " : "FAILED: ") + failures[i] + "\n";
  return out;
}

std::string render_replay_markdown(const ReplaySummary& s, const config::TrafficCriteria& criteria,
                                   const std::string& base_label, const std::string& head_label) {
  auto failures = replay_failures(s, criteria);
  std::string out = std::string("## steward replay: ") + (failures.empty() ? "passed" : "failed") +
                    "\n\n" + thousands(s.lines) + " sampled events through base " +
                    markdown_code_span(base_label) + " and head " + markdown_code_span(head_label) +
                    ".\n\n";
  for (const auto& f : failures)
    out += "- **failed:** " + markdown_literal(f) + "\n";
  out += "\n**Events:** " + events_line(s) + ".\n";
  if (!s.new_reasons.empty())
    out += "\n### Reasons new at head\n\n" + reasons_table(s.new_reasons, code).markdown();
  if (!s.resolved_reasons.empty())
    out += "\n### Reasons gone at head\n\n" + reasons_table(s.resolved_reasons, code).markdown();
  if (!s.deliveries.empty()) {
    size_t left_out = 0;
    out += "\n### Deliveries per destination and environment\n\n" +
           delivery_table(s, code, left_out).markdown() + more_rows(left_out);
  }
  if (!s.new_pii.empty()) {
    out += "\n### PII classes newly reaching a destination\n\n";
    for (const auto& d : s.new_pii)
      out += "- " + new_pii_text(d, code) + "\n";
  }
  if (!s.consent.empty())
    out += "\n### Deliveries blocked by consent\n\n" + consent_table(s, code).markdown();
  return out;
}

}  // namespace steward::traffic
