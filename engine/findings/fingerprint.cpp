#include "findings/fingerprint.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "findings/line_text.h"
#include "findings/sha256.h"

namespace steward::findings {
namespace {

constexpr size_t kFingerprintDigits = 32;  // 128 bits
constexpr size_t kLineHashDigits = 16;     // 64 bits, as GitHub's own primaryLocationLineHash

std::string_view line_of(const Span& span) {
  return span.valid() ? span.source->line(span.line) : std::string_view{};
}

// For each line of a file: how many lines up to and including it have the same normalised text.
// Built once per file, so a file with many findings is read once.
class LineOccurrences {
 public:
  uint32_t at(const Span& span) {
    const SourceFile* file = span.source.get();
    auto [it, inserted] = tables_.try_emplace(file);
    if (inserted) {
      std::unordered_map<std::string, uint32_t> seen;
      it->second.resize(file->line_count() + 1, 1);
      for (uint32_t line = 1; line <= file->line_count(); ++line) {
        it->second[line] = ++seen[normalize_line(file->line(line))];
      }
    }
    return span.line < it->second.size() ? it->second[span.line] : 1;
  }

 private:
  std::map<const SourceFile*, std::vector<uint32_t>> tables_;
};

// For one (rule, line hash): the smallest occurrence number not yet given that is at least the one
// wanted. A union-find over "the next number that may be free", so that thousands of findings on
// identical lines (one per generated file) cost near-constant time each, not a scan each.
class OccurrenceNumbers {
 public:
  uint32_t take(uint32_t wanted) {
    const uint32_t free = find(wanted);
    next_[free] = free + 1;
    return free;
  }

 private:
  uint32_t find(uint32_t number) {
    uint32_t root = number;
    for (auto it = next_.find(root); it != next_.end(); it = next_.find(root))
      root = it->second;
    while (number != root) {  // path compression
      auto it = next_.find(number);
      number = std::exchange(it->second, root);
    }
    return root;
  }

  std::unordered_map<uint32_t, uint32_t> next_;
};

}  // namespace

std::string fingerprint_key(const Finding& finding) {
  const Span& span = primary_span(finding);
  const std::string line = normalize_line(line_of(span));
  const std::string message = normalize_message(finding.diagnostic.message);
  std::string key = "steward/v1";
  for (const std::string* part :
       {&finding.diagnostic.rule, &span.file(), &line, &finding.subject, &message}) {
    key.push_back('\0');
    key.append(*part);
  }
  return key;
}

namespace {

// Fills `fingerprint`; returns the findings' indexes in fingerprint order (by key, then by
// place), the order that line hashes are numbered in.
std::vector<size_t> fill_fingerprints(Findings& findings) {
  std::vector<std::string> keys;
  keys.reserve(findings.size());
  for (const auto& finding : findings)
    keys.push_back(fingerprint_key(finding));

  // Identical keys are numbered 1, 2, ... in the order of their position in the file.
  std::vector<size_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0);
  auto position = [&](size_t i) {
    const Span& s = primary_span(findings[i]);
    return std::make_tuple(s.line, s.column, s.end_line, s.end_column, i);
  };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return keys[a] < keys[b] || (keys[a] == keys[b] && position(a) < position(b));
  });
  uint32_t occurrence = 0;
  for (size_t n = 0; n < order.size(); ++n) {
    size_t i = order[n];
    occurrence = (n > 0 && keys[order[n - 1]] == keys[i]) ? occurrence + 1 : 1;
    std::string input = keys[i];
    input.push_back('\0');
    input += std::to_string(occurrence);
    findings[i].fingerprint = sha256_hex(input).substr(0, kFingerprintDigits);
  }
  return order;
}

// GitHub merges results of one rule with the same primaryLocationLineHash into one alert, so
// distinct findings of a rule on one line (two properties of a flow mapping) get distinct
// occurrence numbers, given in fingerprint order so that they are stable.
void fill_line_hashes(Findings& findings, const std::vector<size_t>& order) {
  LineOccurrences occurrences;
  std::unordered_map<std::string, OccurrenceNumbers> taken;  // by rule and line hash
  for (size_t i : order) {
    Finding& finding = findings[i];
    const Span& span = primary_span(finding);
    std::string digest;
    uint32_t occurrence = 1;
    if (span.valid()) {
      digest = sha256_hex(normalize_line(line_of(span))).substr(0, kLineHashDigits);
      occurrence = occurrences.at(span);
    } else {
      digest = sha256_hex(normalize_message(finding.diagnostic.message)).substr(0, kLineHashDigits);
    }
    occurrence = taken[finding.diagnostic.rule + '\0' + digest].take(occurrence);
    finding.line_hash = digest + ":" + std::to_string(occurrence);
  }
}

}  // namespace

void assign_fingerprints(Findings& findings) {
  fill_line_hashes(findings, fill_fingerprints(findings));
}

void assign_fingerprints_only(Findings& findings) {
  fill_fingerprints(findings);
}

}  // namespace steward::findings
