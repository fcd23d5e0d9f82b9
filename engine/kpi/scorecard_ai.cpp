// The minimum controls before AI assistance: one function per item (policy and observability as
// code are shared with checklist C1).
#include <algorithm>

#include "kpi/coverage.h"
#include "kpi/scorecard_evidence.h"

namespace steward::kpi::scorecard {

namespace {

const char* const kAi = "AI controls";

ScorecardItem reviews_required(const Facts& f) {
  ScorecardItem item = new_item("ai.reviews-required", kAi, "Reviews required");
  add_codeowners(item, f, "CODEOWNERS names who must review");
  bool governance = f.pack_enabled("stdlib:governance");
  item.evidence.push_back(steward_yaml(f));
  set_grade(item, grade_of({!f.codeowners.empty(), governance, !f.ci_check.empty()}),
            "add CODEOWNERS, enable stdlib:governance (PII and identity changes require "
            "review by their teams) and run `steward check` in CI");
  // Branch protection lives in the forge's settings, not in the repository: say so.
  item.evidence.push_back({"", 0,
                           "branch protection (required reviews) is a setting of the forge, not "
                           "visible in the repository"});
  return item;
}

bool non_production(const model::Ref& environment) {
  return !is_production_environment(environment.name);
}

ScorecardItem dry_runs(const Facts& f) {
  ScorecardItem item = new_item("ai.non-prod-dry-runs", kAi, "Non-production dry runs");
  for (const auto& s : f.model.sources) {
    if (std::any_of(s.environments.begin(), s.environments.end(), non_production)) {
      item.evidence.push_back(
          {s.span.file(), s.span.line, "source " + s.name + " runs outside production"});
      break;
    }
  }
  for (const auto& d : f.model.destinations) {
    if (std::any_of(d.environments.begin(), d.environments.end(), non_production)) {
      item.evidence.push_back({d.span.file(), d.span.line,
                               "destination " + d.name + " is connected outside production"});
      break;
    }
  }
  bool environments = !item.evidence.empty();
  if (!environments)
    item.evidence.push_back(looked("sources or destinations connected in development or staging"));
  std::vector<Evidence> ci = ci_lines(f.files, {"staging"});
  append(ci, ci_lines(f.files, {"dry-run"}));
  append(ci, ci_lines(f.files, {"dry_run"}));
  add_found(item, ci, "a staging or dry-run job in the CI files");
  set_grade(
      item, grade_of({environments, !ci.empty()}),
      "connect a staging environment and run changes there from CI first (a staging or dry-run "
      "job)");
  return item;
}

ScorecardItem rollback(const Facts& f) {
  ScorecardItem item = new_item("ai.rollback-playbooks", kAi, "Rollback playbooks");
  append(item.evidence,
         paths_naming(f.files, {"rollback", "roll-back", "roll_back"}, "a rollback playbook"));
  append(item.evidence, ci_lines(f.files, {"rollback"}));
  bool found = !item.evidence.empty();
  std::vector<Evidence> folders = paths_naming(f.files, {"runbook", "playbook"}, "a runbook", 3);
  if (!found) append(item.evidence, folders);
  if (item.evidence.empty())
    item.evidence.push_back(looked("files or CI jobs named rollback, runbooks or playbooks"));
  set_grade(
      item,
      found             ? Grade::yes
      : folders.empty() ? Grade::no
                        : Grade::partial,
      "write how to roll back a bad change (a playbook named rollback, ideally a script or CI "
      "job)");
  return item;
}

ScorecardItem scoped_permissions(const Facts& f) {
  ScorecardItem item = new_item("ai.scoped-permissions", kAi, "Scoped AI permissions");
  std::vector<std::string> agents = matching(f.files, is_agent_file);
  for (const auto& path : agents)
    item.evidence.push_back({path, 0, "instructions and limits for AI coding agents"});
  if (agents.empty())
    item.evidence.push_back(
        looked("AGENTS.md, CLAUDE.md, .github/copilot-instructions.md, .cursorrules"));
  size_t workflows = 0, scoped = 0;
  for (const auto& [path, text] : f.files.texts) {
    if (!project_relative(f.files.project_dir, path).starts_with(".github/workflows/")) continue;
    ++workflows;
    if (text.find("permissions:") != std::string::npos) ++scoped;
  }
  append(item.evidence, ci_lines(f.files, {"permissions:"}, 2));
  if (workflows > 0) {
    item.evidence.push_back({".github/workflows", 0,
                             std::to_string(scoped) + " of " +
                                 count_of(workflows, "workflow declares", "workflows declare") +
                                 " its token's `permissions:`"});
  }
  bool least_privilege = workflows > 0 && scoped == workflows;
  set_grade(item, grade_of({!agents.empty(), least_privilege}),
            "state what AI agents may change (AGENTS.md) and give every workflow explicit, minimal "
            "`permissions:`");
  return item;
}

}  // namespace

std::vector<ScorecardItem> score_ai_controls(const Facts& f) {
  return {reviews_required(f),
          dry_runs(f),
          rollback(f),
          policy_as_code(f, "ai.policy-as-code", kAi),
          observability_as_code(f, "ai.observability-as-code", kAi),
          scoped_permissions(f)};
}

}  // namespace steward::kpi::scorecard
