#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kpi/coverage.h"

// `steward coverage` in text, JSON and Markdown (docs/kpis.md). Every name and path from the
// repository is escaped for the format it is written in.
namespace steward::kpi {

// The figure at one commit of the main branch, for the trend (`--history N`).
struct CoverageAtCommit {
  std::string commit;  // 40 hex digits
  long long time = 0;  // committer time, seconds since 1970 (UTC)
  std::string subject;
  CoverageCount overall;
};

struct CoverageReport {
  const model::Model* model = nullptr;  // the revision measured (for the reasons of uncovered ones)
  Coverage coverage;
  std::vector<CoverageAtCommit> history;  // newest first; empty without --history
};

std::string coverage_text(const CoverageReport& report);
std::string coverage_markdown(const CoverageReport& report);
nlohmann::ordered_json coverage_json(const CoverageReport& report);

// "87.5%": one decimal, rounded down so that 99.96% never reads as 100.0%.
std::string percent_text(const CoverageCount& count);
// "2026-12-01" of a commit time.
std::string commit_date(long long time);

}  // namespace steward::kpi
