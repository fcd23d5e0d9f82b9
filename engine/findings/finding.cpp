#include "findings/finding.h"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace steward::findings {

Findings make_findings(Diagnostics diagnostics) {
  return make_findings({}, std::move(diagnostics));
}

Findings make_findings(const Diagnostics& first, Diagnostics then) {
  std::vector<Diagnostics> blocks;
  blocks.push_back(std::move(then));
  return make_findings(first, std::move(blocks));
}

Findings make_findings(const Diagnostics& first, std::vector<Diagnostics> blocks) {
  size_t count = first.size();
  for (const auto& block : blocks)
    count += block.size();
  Findings findings;
  findings.reserve(count);
  // The subject moves to the finding's own, the one every later stage and report reads: a large
  // plan has tens of thousands of findings, and a second copy of each subject was waste.
  auto add = [&](Diagnostic diagnostic) {
    std::string subject = std::move(diagnostic.subject);
    diagnostic.subject.clear();
    findings.push_back(make_finding(std::move(diagnostic), std::move(subject)));
  };
  for (const auto& diagnostic : first)
    add(diagnostic);
  for (auto& block : blocks) {
    for (auto& diagnostic : block)
      add(std::move(diagnostic));
    // Freed now: the caller's argument lives to the end of its full expression, which for
    // process_findings(make_findings(...)) is the whole findings stage (7.7 MB for 40,000).
    Diagnostics().swap(block);
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

std::vector<uint32_t> file_ranks(const Findings& findings) {
  std::unordered_map<const SourceFile*, uint32_t> numbers;
  for (const auto& finding : findings)
    numbers.emplace(primary_span(finding).source.get(), 0);
  std::vector<std::pair<std::string_view, uint32_t*>> by_path;
  by_path.reserve(numbers.size());
  for (auto& [file, number] : numbers)
    by_path.emplace_back(file ? std::string_view(file->path()) : std::string_view(), &number);
  std::sort(by_path.begin(), by_path.end());
  for (size_t i = 0; i < by_path.size(); ++i) {
    const bool same = i > 0 && by_path[i].first == by_path[i - 1].first;
    *by_path[i].second = same ? *by_path[i - 1].second : static_cast<uint32_t>(i);
  }
  std::vector<uint32_t> ranks;
  ranks.reserve(findings.size());
  for (const auto& finding : findings)
    ranks.push_back(numbers.at(primary_span(finding).source.get()));
  return ranks;
}

void sort_findings(Findings& findings) {
  // Indexes are sorted, then the findings are moved into that order in place, each about once: a
  // Finding is large, a merge sort would move every one of them about log2(n) times, and a second
  // vector to move them into would be the peak of a large check (13 MB for 40,000 findings). The
  // order is comes_before's, with files compared by their ranks.
  const std::vector<uint32_t> files = file_ranks(findings);
  std::vector<size_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Span& sa = primary_span(findings[a]);
    const Span& sb = primary_span(findings[b]);
    const Diagnostic& da = findings[a].diagnostic;
    const Diagnostic& db = findings[b].diagnostic;
    return std::tie(files[a], sa.line, sa.column, da.rule, da.message) <
           std::tie(files[b], sb.line, sb.column, db.rule, db.message);
  });
  // Each cycle of the permutation is followed once: place `start` takes the finding that goes
  // there, whose place takes the next one, until the cycle comes back to `start`. A place done is
  // marked by order[at] == at.
  for (size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Finding first = std::move(findings[start]);
    size_t at = start;
    for (;;) {
      const size_t from = order[at];
      order[at] = at;
      if (from == start) {
        findings[at] = std::move(first);
        break;
      }
      findings[at] = std::move(findings[from]);
      at = from;
    }
  }
}

}  // namespace steward::findings
