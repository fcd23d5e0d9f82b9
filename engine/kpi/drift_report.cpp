// `steward drift` in text, Markdown and JSON; names and values from either side are escaped.
#include "kpi/drift.h"
#include "source/visible_text.h"

namespace steward::kpi {

namespace {

const char* sign(DriftKind kind) {
  switch (kind) {
    case DriftKind::live_only:
      return "+";
    case DriftKind::git_only:
      return "-";
    case DriftKind::different:
      return "~";
  }
  return "~";
}

const char* meaning(DriftKind kind) {
  switch (kind) {
    case DriftKind::live_only:
      return "live, not in git";
    case DriftKind::git_only:
      return "in git, not live";
    case DriftKind::different:
      return "different";
  }
  return "different";
}

// Values can be long (a list of 300 events): a line of a report shows the first 200 bytes.
std::string shortened(const std::string& value) {
  return value.size() <= 200 ? value : value.substr(0, 200) + "...";
}

std::string place(const DriftItem& item) {
  return item.file.empty() ? "" : item.file + ":" + std::to_string(item.line);
}

std::string headline(const Drift& drift, const std::string& live_label) {
  if (drift.items.empty()) return "no drift: git declares what " + live_label + " runs";
  return std::to_string(drift.items.size()) + " difference(s) between git and " + live_label;
}

}  // namespace

std::string drift_text(const Drift& drift, const std::string& live_label) {
  std::string out = visible_text(headline(drift, live_label)) + "\n";
  for (const auto& item : drift.items) {
    out += std::string(sign(item.kind)) + " " + item.entity + " " + visible_text(item.name) + ": " +
           meaning(item.kind) + "\n";
    for (const auto& f : item.fields) {
      out += "    " + visible_text(f.field) + ": git " + visible_text(shortened(f.git)) +
             ", live " + visible_text(shortened(f.live)) + "\n";
    }
    if (!item.file.empty()) out += "    at " + visible_text(place(item)) + "\n";
  }
  for (const auto& name : drift.not_compared)
    out += "note: the live export holds no " + name + "; they were not compared\n";
  return out;
}

std::string drift_markdown(const Drift& drift, const std::string& live_label) {
  std::string out = "## Drift: " + markdown_literal(headline(drift, live_label)) + "\n";
  if (!drift.items.empty()) {
    out += "\n| | what | name | differences | declared at |\n|---|---|---|---|---|\n";
    for (const auto& item : drift.items) {
      std::string fields;
      for (const auto& f : item.fields) {
        if (!fields.empty()) fields += "<br>";
        fields += markdown_literal(f.field) + ": git " + markdown_code_span(shortened(f.git)) +
                  ", live " + markdown_code_span(shortened(f.live));
      }
      out += std::string("| ") + sign(item.kind) + " " + meaning(item.kind) + " | " + item.entity +
             " | " + markdown_code_span(item.name) + " | " + fields + " | " +
             (item.file.empty() ? "" : markdown_code_span(place(item))) + " |\n";
    }
  }
  for (const auto& name : drift.not_compared)
    out += "\nThe live export holds no " + name + "; they were not compared.\n";
  return out;
}

nlohmann::ordered_json drift_json(const Drift& drift, const std::string& live_label) {
  using nlohmann::ordered_json;
  ordered_json items = ordered_json::array();
  size_t counts[3] = {0, 0, 0};
  for (const auto& item : drift.items) {
    ++counts[static_cast<int>(item.kind)];
    ordered_json fields = ordered_json::array();
    for (const auto& f : item.fields)
      fields.push_back({{"field", f.field}, {"git", f.git}, {"live", f.live}});
    items.push_back(
        {{"change", std::string(to_string(item.kind))},
         {"entity", item.entity},
         {"name", item.name},
         {"fields", std::move(fields)},
         {"file", item.file.empty() ? ordered_json(nullptr) : ordered_json(item.file)},
         {"line", item.file.empty() ? ordered_json(nullptr) : ordered_json(item.line)}});
  }
  return {
      {"version", 1},
      {"live", live_label},
      {"drift", std::move(items)},
      {"not_compared", drift.not_compared},
      {"summary", {{"live_only", counts[0]}, {"git_only", counts[1]}, {"different", counts[2]}}}};
}

}  // namespace steward::kpi
