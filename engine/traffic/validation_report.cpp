// The reports of `steward validate`. Everything from the sample or the repository (event names,
// values, paths) is escaped for the format: visible_text for text, Markdown literals, JSON.
#include <nlohmann/json.hpp>

#include "source/visible_text.h"
#include "traffic/report_json.h"
#include "traffic/text_table.h"
#include "traffic/validation.h"

namespace steward::traffic {

namespace {

constexpr size_t kReasonRows = 25;  // rows of the per-reason table (JSON has every one)

bool failed(const ValidationSummary& s, double limit) {
  return s.invalid > 0 && s.invalid_rate() > limit;
}

std::string calls_line(const ValidationSummary& s) {
  std::string out;
  for (int t = 0; t < kCallTypes; ++t) {
    auto type = static_cast<CallType>(t);
    if (type == CallType::track || type == CallType::self_describing || s.calls[t] == 0) continue;
    out += (out.empty() ? "" : ", ") + std::string(to_string(type)) + " " + thousands(s.calls[t]);
  }
  return out;
}

std::string headline(const ValidationSummary& s) {
  return thousands(s.lines) + " lines, " + thousands(s.checked) +
         " events checked against the plan: " + thousands(s.lines - s.invalid) + " valid, " +
         thousands(s.invalid) + " invalid (" + percent(s.invalid_rate()) + ")";
}

std::string verdict(const ValidationSummary& s, double limit) {
  if (failed(s, limit)) {
    return "FAILED: " + percent(s.invalid_rate()) +
           " of the sample is invalid, above traffic.validate.max_invalid_rate (" + percent(limit) +
           ")";
  }
  return "passed: " + percent(s.invalid_rate()) +
         " invalid, within traffic.validate.max_invalid_rate (" + percent(limit) + ")";
}

TextTable event_table(const ValidationSummary& s, bool markdown) {
  TextTable table{{"event", "events", "invalid"}, {}, {false, true, true}};
  for (const auto& [name, tally] : s.by_event) {
    table.rows.push_back({markdown ? markdown_code_span(name) : visible_text(name),
                          thousands(tally.total), thousands(tally.invalid)});
  }
  return table;
}

TextTable reason_table(const ValidationSummary& s, bool markdown) {
  TextTable table{{"count", "reason", "event", "path", "expected", "plan"}, {}, {true}};
  for (size_t i = 0; i < s.by_reason.size() && i < kReasonRows; ++i) {
    const ReasonTally& r = s.by_reason[i];
    auto cell = [&](const std::string& text) {
      return markdown ? (text.empty() ? std::string() : markdown_code_span(text))
                      : visible_text(text);
    };
    table.rows.push_back(
        {thousands(r.count), std::string(to_string(r.kind)), cell(r.event), cell(r.path),
         markdown ? markdown_literal(r.expected) : visible_text(r.expected), cell(place(r.plan))});
  }
  return table;
}

}  // namespace

std::string render_validation_text(const ValidationSummary& s, double limit) {
  std::string out = "steward validate: " + headline(s) + "\n";
  if (!s.listed.empty()) {
    out += "\ninvalid events (the first " + std::to_string(s.listed.size()) +
           "; --dlq PATH writes every one with its reasons):\n";
    for (const InvalidEvent& e : s.listed) {
      out += "  " + visible_text(s.files[e.file]) + ":" + std::to_string(e.line) + ": " +
             visible_text(e.name) + "\n";
      for (const Reason& r : e.reasons) {
        out += "    " + std::string(to_string(r.kind)) + " at " + visible_text(r.path) +
               ": expected " + visible_text(r.expected) + ", got " + visible_text(r.got) + "\n";
        if (r.plan && r.plan->valid()) out += "      --> " + visible_text(place(r.plan)) + "\n";
      }
      if (e.reasons_dropped > 0)
        out += "    ... and " + std::to_string(e.reasons_dropped) + " more reasons\n";
    }
  }
  if (!s.by_event.empty()) out += "\nby event:\n" + event_table(s, false).text();
  if (!s.by_reason.empty()) {
    out += "\nby reason:\n" + reason_table(s, false).text();
    if (s.by_reason.size() > kReasonRows)
      out += "  ... " + std::to_string(s.by_reason.size() - kReasonRows) +
             " more (--format json lists every one)\n";
  }
  std::string calls = calls_line(s);
  if (!calls.empty()) out += "\nnot checked against the plan (no tracked event): " + calls + "\n";
  out += "\nresult: " + verdict(s, limit) + "\n";
  return out;
}

std::string render_validation_markdown(const ValidationSummary& s, double limit) {
  std::string out = std::string("## steward validate: ") +
                    (failed(s, limit) ? "failed" : "passed") + "\n\n" + headline(s) + ".\n\n" +
                    verdict(s, limit) + ".\n";
  if (!s.by_reason.empty()) out += "\n### Reasons\n\n" + reason_table(s, true).markdown();
  if (!s.by_event.empty()) out += "\n### Events\n\n" + event_table(s, true).markdown();
  if (!s.listed.empty()) {
    out += "\n### The first invalid events\n\n";
    for (const InvalidEvent& e : s.listed) {
      out += "- " + markdown_code_span(s.files[e.file] + ":" + std::to_string(e.line)) + " " +
             markdown_code_span(e.name) + "\n";
      for (const Reason& r : e.reasons) {
        out += "  - " + std::string(to_string(r.kind)) + " at " + markdown_code_span(r.path) +
               ": expected " + markdown_literal(r.expected) + ", got " + markdown_code_span(r.got);
        if (r.plan && r.plan->valid()) out += " (" + markdown_code_span(place(r.plan)) + ")";
        out += "\n";
      }
    }
  }
  std::string calls = calls_line(s);
  if (!calls.empty()) out += "\nNot checked against the plan (no tracked event): " + calls + ".\n";
  return out;
}

std::string render_validation_json(const ValidationSummary& s, double limit) {
  using nlohmann::json;
  json events = json::object();
  for (const auto& [name, tally] : s.by_event)
    events[name] = {{"events", tally.total}, {"invalid", tally.invalid}};
  json kinds = json::object();
  for (int k = 0; k < kReasonKinds; ++k)
    if (s.by_kind[k] > 0) kinds[std::string(to_string(static_cast<ReasonKind>(k)))] = s.by_kind[k];
  json reasons = detail::reason_tallies_json(s.by_reason, "count");
  json listed = json::array();
  for (const InvalidEvent& e : s.listed) {
    json list = json::array();
    for (const Reason& r : e.reasons) {
      json item = {{"reason", std::string(to_string(r.kind))},
                   {"path", r.path},
                   {"expected", r.expected},
                   {"got", r.got}};
      detail::add_plan_place(item, r.plan);
      list.push_back(std::move(item));
    }
    listed.push_back({{"file", s.files[e.file]},
                      {"line", e.line},
                      {"event", e.name},
                      {"reasons", std::move(list)},
                      {"reasons_dropped", e.reasons_dropped}});
  }
  json calls = json::object();
  for (int t = 0; t < kCallTypes; ++t)
    calls[std::string(to_string(static_cast<CallType>(t)))] = s.calls[t];
  json out = {{"version", 1},
              {"files", s.files},
              {"lines", s.lines},
              {"checked", s.checked},
              {"valid", s.lines - s.invalid},
              {"invalid", s.invalid},
              {"invalid_rate", s.invalid_rate()},
              {"max_invalid_rate", limit},
              {"passed", !failed(s, limit)},
              {"calls", calls},
              {"by_event", events},
              {"by_kind", kinds},
              {"by_reason", reasons},
              {"invalid_events", listed}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace steward::traffic
