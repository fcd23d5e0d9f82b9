#include "findings/baseline.h"

#include <algorithm>
#include <unordered_set>

namespace steward::findings {

void mark_new(Findings& findings, const std::vector<std::string>& base_fingerprints) {
  std::unordered_set<std::string> base(base_fingerprints.begin(), base_fingerprints.end());
  for (auto& finding : findings)
    finding.is_new = !base.contains(finding.fingerprint);
}

void keep_new_only(Findings& findings) {
  std::erase_if(findings, [](const Finding& f) { return f.is_new.has_value() && !*f.is_new; });
}

}  // namespace steward::findings
