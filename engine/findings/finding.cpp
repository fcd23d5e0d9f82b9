#include "findings/finding.h"

#include <algorithm>
#include <tuple>

namespace steward::findings {

Findings make_findings(Diagnostics diagnostics) {
  Findings findings;
  findings.reserve(diagnostics.size());
  for (auto& diagnostic : diagnostics) {
    std::string subject = diagnostic.subject;
    findings.push_back(make_finding(std::move(diagnostic), std::move(subject)));
  }
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
  std::stable_sort(findings.begin(), findings.end(), comes_before);
}

}  // namespace steward::findings
