#include <utility>

#include "report/formats.h"
#include "report/report.h"

namespace steward::report {
namespace {

using Factory = std::unique_ptr<Report> (*)();

// One sorted line per format.
constexpr std::pair<std::string_view, Factory> kFormats[] = {
    {"github", make_github_report},     {"gitlab", make_gitlab_report},
    {"json", make_json_report},         {"junit", make_junit_report},
    {"markdown", make_markdown_report}, {"rdjson", make_rdjson_report},
    {"sarif", make_sarif_report},       {"text", make_text_report},
};

}  // namespace

std::unique_ptr<Report> make_report(std::string_view format) {
  for (const auto& [name, factory] : kFormats) {
    if (name == format) return factory();
  }
  return nullptr;
}

const std::vector<std::string_view>& report_formats() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (const auto& entry : kFormats)
      v.push_back(entry.first);
    return v;
  }();
  return names;
}

}  // namespace steward::report
