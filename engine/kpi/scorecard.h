#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "config/steward_config.h"
#include "model/model.h"

// `steward scorecard` (docs/kpis.md): checklist C1 ("if you DIY, you must codify") and the minimum
// controls before AI assistance, each graded Yes, Partial or No from objective evidence in the
// repository: its data files (the model), steward.yaml, and its CI and review files.
namespace steward::kpi {

// What the scorecard reads besides the model: every file path of the repository and the text of
// the files that say how it is built and reviewed (CI workflows, CODEOWNERS, AI-agent
// instructions). The CLI gathers them from the work tree (never outside it).
struct RepositoryFiles {
  // The folder of steward.yaml relative to the repository root ("" at the root): in a monorepo,
  // CI and review files count both at the root and in the project's folder.
  std::string project_dir;
  std::vector<std::string> paths;            // relative to the repository root, '/'-separated
  std::map<std::string, std::string> texts;  // path -> content, for the files texts_wanted() names
};

// Whether the scorecard reads the content of `path` (relative to the repository root).
bool text_wanted(std::string_view project_dir, std::string_view path);

enum class Grade { yes, partial, no };
std::string_view to_string(Grade grade);

// One piece of evidence: a file (and line, 0 when the whole file) and what was found there.
struct Evidence {
  std::string path;
  size_t line = 0;
  std::string found;
};

struct ScorecardItem {
  std::string id;         // "c1.event-schemas", "ai.reviews-required"
  std::string checklist;  // "C1" or "AI controls"
  std::string title;
  Grade grade = Grade::no;
  std::vector<Evidence> evidence;  // what was found, and where it was looked for when nothing was
  std::string to_yes;              // what would turn it to Yes ("" when it is Yes)
};

std::vector<ScorecardItem> score(const RepositoryFiles& files, const model::Model& model,
                                 const config::StewardConfig& config);

std::string scorecard_markdown(const std::vector<ScorecardItem>& items);
nlohmann::ordered_json scorecard_json(const std::vector<ScorecardItem>& items);

}  // namespace steward::kpi
