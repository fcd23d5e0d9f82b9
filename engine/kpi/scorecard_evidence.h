#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/scorecard.h"

// Internal to the scorecard: searching the repository's files for evidence.
namespace steward::kpi::scorecard {

// `path` relative to the project's folder when it lies inside it, else as it is.
std::string_view project_relative(std::string_view project_dir, std::string_view path);

// The CI definitions among `files`: GitHub Actions workflows and GitLab CI files.
bool is_ci_file(std::string_view path);
// CODEOWNERS in any of the places GitHub and GitLab read it.
bool is_codeowners(std::string_view path);
// Instructions and permissions of AI coding agents (AGENTS.md, CLAUDE.md, Copilot's, Cursor's).
bool is_agent_file(std::string_view path);

// Every line of the CI files that contains all of `words` (case-insensitive), as evidence, at
// most `limit` of them.
std::vector<Evidence> ci_lines(const RepositoryFiles& files, std::vector<std::string_view> words,
                               size_t limit = 3);
// Every path whose lower-cased form contains one of `words`, at most `limit` of them.
std::vector<Evidence> paths_naming(const RepositoryFiles& files,
                                   std::vector<std::string_view> words, std::string_view found,
                                   size_t limit = 5);
// The files among `files.paths` that satisfy `which`.
std::vector<std::string> matching(const RepositoryFiles& files, bool (*which)(std::string_view));

// What every item reads, computed once.
struct Facts {
  const RepositoryFiles& files;
  const model::Model& model;
  const config::StewardConfig& config;
  std::vector<Evidence> ci_check;  // CI lines that run `steward check`
  std::vector<std::string> codeowners;

  bool pack_enabled(std::string_view pack) const;
};

// An item graded No with no evidence yet.
ScorecardItem new_item(std::string id, std::string checklist, std::string title);

// Evidence at an entity of the model.
Evidence at(const Span& span, std::string found);
// The evidence of an item where nothing was found: what was looked for.
Evidence looked(std::string where);
void append(std::vector<Evidence>& to, const std::vector<Evidence>& from);
// Grade from how many of the conditions hold: all Yes, some Partial, none No.
Grade grade_of(std::initializer_list<bool> conditions);
// Every item ends so: its grade, and what would make it Yes when it is not.
void set_grade(ScorecardItem& item, Grade grade, std::string to_yes);
// `found` as the item's evidence, or, when nothing was, what was looked for.
void add_found(ScorecardItem& item, const std::vector<Evidence>& found, std::string looked_for);
// The CODEOWNERS files as evidence (`shows`: what they show), or where they were looked for.
void add_codeowners(ScorecardItem& item, const Facts& f, std::string_view shows);
// steward.yaml and the packs it runs.
Evidence steward_yaml(const Facts& f);

// The items, one function per checklist; the two items both checklists name are shared.
std::vector<ScorecardItem> score_c1(const Facts& f);
std::vector<ScorecardItem> score_ai_controls(const Facts& f);
ScorecardItem policy_as_code(const Facts& f, const char* id, const char* checklist);
ScorecardItem observability_as_code(const Facts& f, const char* id, const char* checklist);

// "12 events in 5 files" style counts.
std::string count_of(size_t n, std::string_view one, std::string_view many);

}  // namespace steward::kpi::scorecard
