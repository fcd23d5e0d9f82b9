#include "kpi/environments.h"

#include <algorithm>

#include "kpi/coverage.h"
#include "source/visible_text.h"

namespace steward::kpi {

using model::Destination;
using model::Model;

bool is_staging_environment(std::string_view environment) {
  return environment == "staging" || environment == "stage";
}

namespace {

// Whether `refs` (a source's or destination's environments) connect it where `which` holds; no
// list at all is everywhere.
bool connected(const std::vector<model::Ref>& refs, bool (*which)(std::string_view)) {
  return refs.empty() ||
         std::any_of(refs.begin(), refs.end(), [&](const model::Ref& r) { return which(r.name); });
}

bool explicitly(const std::vector<model::Ref>& refs, bool (*which)(std::string_view)) {
  return std::any_of(refs.begin(), refs.end(), [&](const model::Ref& r) { return which(r.name); });
}

bool declares_staging(const Model& model) {
  for (const auto& s : model.sources) {
    if (explicitly(s.environments, is_staging_environment)) return true;
  }
  for (const auto& d : model.destinations) {
    if (explicitly(d.environments, is_staging_environment)) return true;
  }
  return false;
}

bool lists(const Destination& d, std::string_view transformation) {
  return std::any_of(d.transformations.begin(), d.transformations.end(),
                     [&](const model::Ref& t) { return t.name == transformation; });
}

// Whether a destination connected in staging runs `transformation` in `model`.
bool staged_anywhere(const Model& model, std::string_view transformation) {
  return std::any_of(
      model.destinations.begin(), model.destinations.end(), [&](const Destination& d) {
        return connected(d.environments, is_staging_environment) && lists(d, transformation);
      });
}

}  // namespace

std::vector<EnvironmentGap> environment_gaps(const Model& base, const Model& head) {
  std::vector<EnvironmentGap> gaps;
  if (!declares_staging(head) && !declares_staging(base)) return gaps;
  for (const auto& d : head.destinations) {
    if (!connected(d.environments, is_production_environment)) continue;
    const Destination* was = base.find_destination(d.name);
    bool was_production = was != nullptr && connected(was->environments, is_production_environment);
    bool staged = connected(d.environments, is_staging_environment) ||
                  (was != nullptr && connected(was->environments, is_staging_environment));
    if (!was_production && !staged) gaps.push_back({&d, ""});
    for (const auto& t : d.transformations) {
      bool ran_before = was_production && lists(*was, t.name);
      if (ran_before || staged_anywhere(head, t.name) || staged_anywhere(base, t.name)) continue;
      gaps.push_back({&d, t.name});
    }
  }
  return gaps;
}

std::vector<diff::SummaryLine> environment_lines(const std::vector<EnvironmentGap>& gaps) {
  std::vector<diff::SummaryLine> lines;
  for (const auto& gap : gaps) {
    diff::SummaryLine line;
    line.section = "environments";
    line.kind = diff::ChangeKind::modified;
    const Span& span = gap.destination->span;
    line.head_place = span.file() + ":" + std::to_string(span.line);
    if (gap.transformation.empty()) {
      line.subject = gap.destination->name;
      line.detail = "connected in production, but staging never had it";
    } else {
      line.subject = gap.destination->name + " runs " + gap.transformation;
      line.detail =
          "in production, but no destination connected in staging runs " + gap.transformation;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string environments_text(const std::vector<EnvironmentGap>& gaps) {
  std::string out;
  for (const auto& line : environment_lines(gaps)) {
    if (out.empty()) out = "\nenvironments\n";
    out += "  ~ " + visible_text(line.subject) + ": " + visible_text(line.detail) + "\n      at " +
           visible_text(line.head_place) + "\n";
  }
  return out;
}

std::string environments_markdown(const std::vector<EnvironmentGap>& gaps) {
  std::string out;
  for (const auto& line : environment_lines(gaps)) {
    if (out.empty()) {
      out =
          "\n**Environments**: what reaches production that staging never had\n\n"
          "| what | why | at |\n|---|---|---|\n";
    }
    out += "| " + markdown_code_span(line.subject) + " | " + markdown_literal(line.detail) + " | " +
           markdown_code_span(line.head_place) + " |\n";
  }
  return out;
}

}  // namespace steward::kpi
