#include "kpi/scorecard.h"

#include "kpi/scorecard_evidence.h"

namespace steward::kpi {

std::string_view to_string(Grade grade) {
  switch (grade) {
    case Grade::yes:
      return "Yes";
    case Grade::partial:
      return "Partial";
    case Grade::no:
      return "No";
  }
  return "No";
}

bool text_wanted(std::string_view project_dir, std::string_view path) {
  std::string_view local = scorecard::project_relative(project_dir, path);
  return scorecard::is_ci_file(local) || scorecard::is_codeowners(local) ||
         scorecard::is_agent_file(local);
}

std::vector<ScorecardItem> score(const RepositoryFiles& files, const model::Model& model,
                                 const config::StewardConfig& config) {
  scorecard::Facts f{files, model, config, {}, {}};
  f.ci_check = scorecard::ci_lines(files, {"steward", "check"});
  f.codeowners = scorecard::matching(files, scorecard::is_codeowners);
  std::vector<ScorecardItem> items = scorecard::score_c1(f);
  for (auto& item : scorecard::score_ai_controls(f))
    items.push_back(std::move(item));
  return items;
}

}  // namespace steward::kpi
