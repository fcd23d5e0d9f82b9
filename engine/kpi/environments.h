#pragma once

#include <string>
#include <vector>

#include "diff/change_summary.h"
#include "model/model.h"

// What dev, staging and production declare, compared (docs/kpis.md, "Environments"): a change
// that puts a destination or a transformation in production that staging never had. Rules
// governance.production-without-staging and governance.transformation-without-staging report
// these, and `steward diff` lists them in its "environments" section.
namespace steward::kpi {

// Whether `environment` names staging ("staging" or "stage").
bool is_staging_environment(std::string_view environment);

// A destination, or a transformation it runs, that reaches production without staging.
struct EnvironmentGap {
  const model::Destination* destination = nullptr;  // in head
  std::string transformation;                       // empty: the destination itself
};

// The gaps `head` opens against `base`: a destination newly connected in production that is
// connected in staging neither at head nor at base, and a transformation a production
// destination newly runs that no destination connected in staging runs, at head or at base.
// Nothing when the repository declares no staging at all (no source or destination connected in
// it): there is nothing to compare with. A destination that names no environments is connected
// everywhere, staging included.
std::vector<EnvironmentGap> environment_gaps(const model::Model& base, const model::Model& head);

// The gaps as lines of `steward diff` (section "environments").
std::vector<diff::SummaryLine> environment_lines(const std::vector<EnvironmentGap>& gaps);

// The section `steward diff` prints after the changes (they are not changes themselves, so they
// are not counted with them); "" when there is no gap.
std::string environments_text(const std::vector<EnvironmentGap>& gaps);
std::string environments_markdown(const std::vector<EnvironmentGap>& gaps);

}  // namespace steward::kpi
