#include "kpi/coverage_report.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "source/visible_text.h"

namespace steward::kpi {

using nlohmann::ordered_json;

std::string percent_text(const CoverageCount& count) {
  double tenths = std::floor(count.percent() * 10.0 + 1e-9);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", tenths / 10.0);
  return buffer;
}

std::string commit_date(long long time) {
  std::chrono::sys_days day =
      std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{time}});
  std::chrono::year_month_day date{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

namespace {

const char* const kNoDomain = "(no domain)";
const char* const kNoOwner = "(no owner)";

// `text` padded with spaces to `width` bytes, on the left (right-aligned) or the right.
std::string pad(std::string text, size_t width, bool right_align = false) {
  if (text.size() >= width) return text;
  std::string spaces(width - text.size(), ' ');
  return right_align ? spaces + text : text + spaces;
}

std::string fraction(const CoverageCount& count) {
  return std::to_string(count.covered) + "/" + std::to_string(count.total);
}

std::string group_name(const std::string& name, const char* empty_name) {
  return name.empty() ? empty_name : name;
}

std::string place(const model::Property& property) {
  return property.span.file() + ":" + std::to_string(property.span.line) + ":" +
         std::to_string(property.span.column);
}

std::string subject(const model::Property& property) {
  return property.event->name + "." + property.path;
}

struct Breakdown {
  const char* title;
  const std::map<std::string, CoverageCount>* counts;
  const char* empty_name;
};

std::vector<Breakdown> breakdowns(const Coverage& coverage) {
  return {{"domain", &coverage.by_domain, kNoDomain},
          {"owner", &coverage.by_owner, kNoOwner},
          {"destination", &coverage.by_destination, "(none)"}};
}

std::string headline(const CoverageCount& count) {
  return "policy coverage: " + percent_text(count) + " (" + std::to_string(count.covered) + " of " +
         std::to_string(count.total) + " production properties carry PII and consent metadata)";
}

}  // namespace

std::string coverage_text(const CoverageReport& report) {
  const Coverage& coverage = report.coverage;
  std::string out = headline(coverage.overall) + "\n";
  for (const Breakdown& b : breakdowns(coverage)) {
    out += std::string("\nby ") + b.title + "\n";
    for (const auto& [name, count] : *b.counts) {
      out += "  " + pad(visible_text(group_name(name, b.empty_name)), 28) + " " +
             pad(percent_text(count), 7, true) + "  " + fraction(count) + "\n";
    }
  }
  if (!coverage.uncovered.empty()) {
    CoverageIndex index(*report.model);
    out += "\nwithout metadata (" + std::to_string(coverage.uncovered.size()) + ")\n";
    for (const model::Property* p : coverage.uncovered) {
      out += "  " + visible_text(subject(*p)) + ": " + visible_text(index.missing_metadata(*p)) +
             "\n      at " + visible_text(place(*p)) + "\n";
    }
  }
  if (!report.history.empty()) {
    out += "\nhistory (newest first)\n";
    for (const auto& point : report.history) {
      out += "  " + point.commit.substr(0, 12) + "  " + commit_date(point.time) + "  " +
             pad(percent_text(point.overall), 7, true) + "  " + pad(fraction(point.overall), 9) +
             "  " + visible_text(point.subject) + "\n";
    }
  }
  return out;
}

std::string coverage_markdown(const CoverageReport& report) {
  const Coverage& coverage = report.coverage;
  std::string out = "## Policy coverage: " + percent_text(coverage.overall) + "\n\n" +
                    std::to_string(coverage.overall.covered) + " of " +
                    std::to_string(coverage.overall.total) +
                    " production properties carry PII and consent metadata.\n";
  for (const Breakdown& b : breakdowns(coverage)) {
    out += std::string("\n| ") + b.title + " | coverage | covered / total |\n|---|---:|---:|\n";
    for (const auto& [name, count] : *b.counts) {
      out += "| " + markdown_literal(group_name(name, b.empty_name)) + " | " + percent_text(count) +
             " | " + fraction(count) + " |\n";
    }
  }
  if (!coverage.uncovered.empty()) {
    CoverageIndex index(*report.model);
    out += "\n### Without metadata\n\n| property | what is missing | where |\n|---|---|---|\n";
    for (const model::Property* p : coverage.uncovered) {
      out += "| " + markdown_code_span(subject(*p)) + " | " +
             markdown_literal(index.missing_metadata(*p)) + " | " + markdown_code_span(place(*p)) +
             " |\n";
    }
  }
  if (!report.history.empty()) {
    out +=
        "\n### History\n\n| commit | date | coverage | covered / total | subject |\n"
        "|---|---|---:|---:|---|\n";
    for (const auto& point : report.history) {
      out += "| " + markdown_code_span(point.commit.substr(0, 12)) + " | " +
             commit_date(point.time) + " | " + percent_text(point.overall) + " | " +
             fraction(point.overall) + " | " + markdown_literal(point.subject) + " |\n";
    }
  }
  return out;
}

namespace {

ordered_json count_json(const CoverageCount& count) {
  return {{"covered", count.covered},
          {"total", count.total},
          {"percent", std::round(count.percent() * 100.0) / 100.0}};
}

ordered_json breakdown_json(const std::map<std::string, CoverageCount>& counts) {
  ordered_json out = ordered_json::array();
  for (const auto& [name, count] : counts) {
    ordered_json entry = {{"name", name.empty() ? ordered_json(nullptr) : ordered_json(name)}};
    entry.update(count_json(count));
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

ordered_json coverage_json(const CoverageReport& report) {
  const Coverage& coverage = report.coverage;
  ordered_json out = {{"version", 1}, {"coverage", count_json(coverage.overall)}};
  out["by_domain"] = breakdown_json(coverage.by_domain);
  out["by_owner"] = breakdown_json(coverage.by_owner);
  out["by_destination"] = breakdown_json(coverage.by_destination);
  ordered_json uncovered = ordered_json::array();
  CoverageIndex index(*report.model);
  for (const model::Property* p : coverage.uncovered) {
    uncovered.push_back({{"event", p->event->name},
                         {"path", p->path},
                         {"missing", index.missing_metadata(*p)},
                         {"file", p->span.file()},
                         {"line", p->span.line},
                         {"column", p->span.column}});
  }
  out["uncovered"] = std::move(uncovered);
  ordered_json history = ordered_json::array();
  for (const auto& point : report.history) {
    ordered_json entry = {
        {"commit", point.commit}, {"date", commit_date(point.time)}, {"subject", point.subject}};
    entry.update(count_json(point.overall));
    history.push_back(std::move(entry));
  }
  out["history"] = std::move(history);
  return out;
}

}  // namespace steward::kpi
