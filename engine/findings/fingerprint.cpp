#include "findings/fingerprint.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "findings/line_text.h"
#include "findings/sha256.h"
#include "source/text_hash.h"

namespace steward::findings {
namespace {

constexpr size_t kFingerprintDigits = 32;  // 128 bits
constexpr size_t kLineHashDigits = 16;     // 64 bits, as GitHub's own primaryLocationLineHash

std::string_view line_of(const Span& span) {
  return span.valid() ? span.source->line(span.line) : std::string_view{};
}

// For a finding's line: how many lines up to and including it have the same normalised text.
// A file has a finding or two, mostly near its top, so the lines before a finding are compared with
// its normalised line (normalizes_to, which tells most lines apart by their first character)
// rather than every line of the file normalised and counted. A file with many findings would make
// that quadratic: once the lines compared in a file pass kScanBudget times its length, every
// line of it is normalised and counted once, as a table.
class LineOccurrences {
 public:
  // `normalized` is normalize_line of the span's line.
  uint32_t at(const Span& span, std::string_view normalized) {
    const SourceFile& file = *span.source;
    if (span.line > file.line_count()) return 1;  // past the end: the line is empty
    PerFile& seen = files_[&file];
    if (seen.table.empty() && seen.compared + span.line <= kScanBudget * file.line_count()) {
      seen.compared += span.line;
      uint32_t count = 1;  // the line itself
      for (uint32_t line = 1; line < span.line; ++line)
        count += normalizes_to(file.line(line), normalized) ? 1 : 0;
      return count;
    }
    if (seen.table.empty()) seen.table = table_of(file);
    return seen.table[span.line];
  }

 private:
  static constexpr uint64_t kScanBudget = 8;

  struct PerFile {
    uint64_t compared = 0;        // lines compared for the findings before
    std::vector<uint32_t> table;  // by line, once built
  };

  static std::vector<uint32_t> table_of(const SourceFile& file) {
    std::vector<uint32_t> table(file.line_count() + 1, 1);
    std::unordered_map<std::string, uint32_t> seen;
    for (uint32_t line = 1; line <= file.line_count(); ++line)
      table[line] = ++seen[normalize_line(file.line(line))];
    return table;
  }

  std::unordered_map<const SourceFile*, PerFile> files_;
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

// A finding's key, and where in it is the text that its line hash hashes: the normalised line,
// or for a finding with no place the normalised message.
struct Key {
  std::string text;
  size_t hashed_at = 0;
  size_t hashed_size = 0;

  std::string_view hashed() const { return std::string_view(text).substr(hashed_at, hashed_size); }
};

Key make_key(const Finding& finding) {
  const Span& span = primary_span(finding);
  const std::string_view line = line_of(span);
  const std::string& rule = finding.diagnostic.rule;
  const std::string& message = finding.diagnostic.message;
  Key key;
  std::string& text = key.text;
  text.reserve(16 + rule.size() + span.file().size() + line.size() + finding.subject.size() +
               message.size());
  text.append("steward/v1").append(1, '\0').append(rule).append(1, '\0');
  text.append(span.file()).append(1, '\0');
  const size_t line_at = text.size();
  append_normalized_line(text, line);
  const size_t line_size = text.size() - line_at;
  text.append(1, '\0').append(finding.subject).append(1, '\0');
  const size_t message_at = text.size();
  append_normalized_message(text, message);
  key.hashed_at = span.valid() ? line_at : message_at;
  key.hashed_size = span.valid() ? line_size : text.size() - message_at;
  return key;
}

}  // namespace

std::string fingerprint_key(const Finding& finding) {
  return make_key(finding).text;
}

namespace {

// Fills `fingerprint`.
// Where finding i is, then i: identical keys are numbered 1, 2, ... in this order.
using Place = std::tuple<uint32_t, uint32_t, uint32_t, uint32_t, size_t>;

Place place_of(const Findings& findings, size_t i) {
  const Span& s = primary_span(findings[i]);
  return {s.line, s.column, s.end_line, s.end_column, i};
}

// The fingerprint of the `occurrence`th finding with `key`.
std::string fingerprint_of(std::string_view key, uint32_t occurrence, std::string& input) {
  input.assign(key).append(1, '\0').append(std::to_string(occurrence));
  return sha256_hex(input).substr(0, kFingerprintDigits);
}

// Line hashes, given finding by finding in fingerprint order: distinct findings of a rule on one
// line (two properties of a flow mapping) get distinct occurrence numbers, since GitHub merges
// results of one rule with the same primaryLocationLineHash into one alert; given in fingerprint
// order, they are stable.
class LineHashes {
 public:
  void assign(Finding& finding, std::string_view hashed) {
    const Span& span = primary_span(finding);
    // Findings on one text (the same line in every generated file) share a digest.
    auto digest = digests_.find(hashed);
    if (digest == digests_.end())
      digest = digests_.emplace(hashed, sha256_hex(hashed).substr(0, kLineHashDigits)).first;
    uint32_t occurrence = span.valid() ? occurrences_.at(span, hashed) : 1;
    rule_digest_.assign(finding.diagnostic.rule).append(1, '\0').append(digest->second);
    auto numbers = taken_.find(rule_digest_);
    if (numbers == taken_.end()) numbers = taken_.emplace(rule_digest_, OccurrenceNumbers()).first;
    occurrence = numbers->second.take(occurrence);
    finding.line_hash.assign(digest->second).append(1, ':').append(std::to_string(occurrence));
  }

 private:
  LineOccurrences occurrences_;
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> digests_;
  // By rule and digest.
  std::unordered_map<std::string, OccurrenceNumbers, TextHash, std::equal_to<>> taken_;
  std::string rule_digest_;
};

// Each finding's rule and file as numbers that sort as their texts do (equal texts, equal
// numbers): tens of thousands of findings share a few rules and long path prefixes, and sorting
// them by the strings compared those again and again (a tenth of a large check's findings stage).
std::vector<std::pair<uint32_t, uint32_t>> rule_and_file_ranks(const Findings& findings) {
  std::unordered_map<std::string_view, uint32_t> rules;
  for (const auto& finding : findings)
    rules.emplace(finding.diagnostic.rule, 0);
  std::vector<std::pair<std::string_view, uint32_t*>> sorted;
  for (auto& [rule, number] : rules)
    sorted.emplace_back(rule, &number);
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i)
    *sorted[i].second = static_cast<uint32_t>(i);
  const std::vector<uint32_t> files = file_ranks(findings);
  std::vector<std::pair<uint32_t, uint32_t>> ranks;
  ranks.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i)
    ranks.emplace_back(rules.at(findings[i].diagnostic.rule), files[i]);
  return ranks;
}

// Calls `visit(key, occurrence, i)` for each finding i in fingerprint order (by key text, then by
// place), `occurrence` numbering identical keys 1, 2, ... in that order. Fingerprint order is the
// order of the keys' texts, which begin with the rule and the file (neither holds a NUL, the
// separator): findings are ordered by rule and file first, and the keys of one rule and file at
// a time are made and sorted. All keys at once were 15 MB at a large check's peak, and their long
// shared prefixes made the sort compare more.
template <class Visit>
void in_fingerprint_order(const Findings& findings, Visit visit) {
  const std::vector<std::pair<uint32_t, uint32_t>> ranks = rule_and_file_ranks(findings);
  std::vector<size_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranks[a] < ranks[b]; });
  struct Keyed {
    Key key;
    size_t index;
  };
  std::vector<Keyed> keyed;
  for (size_t begin = 0; begin < order.size();) {
    size_t end = begin + 1;
    while (end < order.size() && ranks[order[end]] == ranks[order[begin]])
      ++end;
    keyed.clear();
    for (size_t n = begin; n < end; ++n)
      keyed.push_back({make_key(findings[order[n]]), order[n]});
    std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
      const int by_key = a.key.text.compare(b.key.text);
      return by_key < 0 ||
             (by_key == 0 && place_of(findings, a.index) < place_of(findings, b.index));
    });
    uint32_t occurrence = 0;
    for (size_t n = 0; n < keyed.size(); ++n) {
      occurrence = (n > 0 && keyed[n - 1].key.text == keyed[n].key.text) ? occurrence + 1 : 1;
      visit(keyed[n].key, occurrence, keyed[n].index);
    }
    begin = end;
  }
}

}  // namespace

void assign_fingerprints(Findings& findings) {
  LineHashes line_hashes;
  std::string input;
  in_fingerprint_order(findings, [&](const Key& key, uint32_t occurrence, size_t i) {
    findings[i].fingerprint = fingerprint_of(key.text, occurrence, input);
    line_hashes.assign(findings[i], key.hashed());
  });
}

std::vector<std::string> fingerprints_of(const Findings& findings) {
  std::vector<std::string> fingerprints(findings.size());
  std::string input;
  in_fingerprint_order(findings, [&](const Key& key, uint32_t occurrence, size_t i) {
    fingerprints[i] = fingerprint_of(key.text, occurrence, input);
  });
  return fingerprints;
}

}  // namespace steward::findings
