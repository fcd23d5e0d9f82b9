// The scorecard in Markdown and JSON; everything from the repository is escaped.
#include "kpi/scorecard.h"
#include "source/visible_text.h"

namespace steward::kpi {

namespace {

std::string place(const Evidence& e) {
  if (e.path.empty()) return "";
  return e.line == 0 ? e.path : e.path + ":" + std::to_string(e.line);
}

std::string evidence_cell(const std::vector<Evidence>& evidence) {
  std::string out;
  for (const auto& e : evidence) {
    if (!out.empty()) out += "<br>";
    std::string where = place(e);
    if (!where.empty()) out += markdown_code_span(where) + ": ";
    out += markdown_literal(e.found);
  }
  return out;
}

const char* title_of(std::string_view checklist) {
  return checklist == "C1" ? "Checklist C1: if you DIY, you must codify"
                           : "Minimum controls before AI assistance";
}

}  // namespace

std::string scorecard_markdown(const std::vector<ScorecardItem>& items) {
  size_t counts[3] = {0, 0, 0};
  for (const auto& item : items)
    ++counts[static_cast<int>(item.grade)];
  std::string out = "## Scorecard: " + std::to_string(counts[0]) + " Yes, " +
                    std::to_string(counts[1]) + " Partial, " + std::to_string(counts[2]) + " No\n";
  std::string checklist;
  for (const auto& item : items) {
    if (item.checklist != checklist) {
      checklist = item.checklist;
      out += std::string("\n### ") + title_of(checklist) +
             "\n\n| item | grade | evidence | what would make it Yes |\n|---|---|---|---|\n";
    }
    out += "| " + item.title + " | **" + std::string(to_string(item.grade)) + "** | " +
           evidence_cell(item.evidence) + " | " + markdown_literal(item.to_yes) + " |\n";
  }
  return out;
}

nlohmann::ordered_json scorecard_json(const std::vector<ScorecardItem>& items) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  size_t counts[3] = {0, 0, 0};
  for (const auto& item : items) {
    ++counts[static_cast<int>(item.grade)];
    nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
    for (const auto& e : item.evidence) {
      evidence.push_back(
          {{"path",
            e.path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.path)},
           {"line", e.line == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(e.line)},
           {"found", e.found}});
    }
    list.push_back({{"id", item.id},
                    {"checklist", item.checklist},
                    {"title", item.title},
                    {"grade", std::string(to_string(item.grade))},
                    {"evidence", std::move(evidence)},
                    {"to_yes", item.to_yes}});
  }
  return {{"version", 1},
          {"items", std::move(list)},
          {"summary", {{"yes", counts[0]}, {"partial", counts[1]}, {"no", counts[2]}}}};
}

}  // namespace steward::kpi
