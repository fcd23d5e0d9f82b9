#include "findings/finding.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>
#include <vector>

namespace steward::findings {

Findings make_findings(Diagnostics diagnostics) {
  return make_findings({}, std::move(diagnostics));
}

Findings make_findings(const Diagnostics& first, Diagnostics then) {
  Findings findings;
  findings.reserve(first.size() + then.size());
  // The subject moves to the finding's own, the one every later stage and report reads: a large
  // plan has tens of thousands of findings, and a second copy of each subject was waste.
  auto add = [&](Diagnostic diagnostic) {
    std::string subject = std::move(diagnostic.subject);
    diagnostic.subject.clear();
    findings.push_back(make_finding(std::move(diagnostic), std::move(subject)));
  };
  for (const auto& diagnostic : first)
    add(diagnostic);
  for (auto& diagnostic : then)
    add(std::move(diagnostic));
  // Freed now: the caller's argument lives to the end of its full expression, which for
  // process_findings(make_findings(...)) is the whole findings stage (7.7 MB for 40,000).
  Diagnostics().swap(then);
  return findings;
}

const Span& primary_span(const Finding& finding) {
  const Diagnostic& d = finding.diagnostic;
  if (!d.span.valid() && d.base_span.valid()) return d.base_span;
  return d.span;
}

bool comes_before(const Finding& a, const Finding& b) {
  const Span& sa = primary_span(a);
  const Span& sb = primary_span(b);
  return std::tie(sa.file(), sa.line, sa.column, a.diagnostic.rule, a.diagnostic.message) <
         std::tie(sb.file(), sb.line, sb.column, b.diagnostic.rule, b.diagnostic.message);
}

void sort_findings(Findings& findings) {
  // Indexes are sorted, then each finding is moved once: a Finding is large and a merge sort
  // would move every one of them about log2(n) times.
  std::vector<size_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return comes_before(findings[a], findings[b]); });
  Findings sorted;
  sorted.reserve(findings.size());
  for (size_t i : order)
    sorted.push_back(std::move(findings[i]));
  findings = std::move(sorted);
}

}  // namespace steward::findings
