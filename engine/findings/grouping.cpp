#include "findings/grouping.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace steward::findings {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether text[i] belongs to a name, category or path: a '.' only between two name characters
// ("user.contact.email"), so the full stop ending a sentence is not part of the last word.
bool in_word(const std::string& text, size_t i) {
  if (text[i] != '.') return is_name_char(text[i]);
  return i > 0 && i + 1 < text.size() && is_name_char(text[i - 1]) && is_name_char(text[i + 1]);
}

// The length of the beginning all messages share, cut back so that it ends between words.
size_t common_prefix(const std::vector<std::string>& messages) {
  const std::string& first = messages.front();
  size_t n = first.size();
  for (const auto& m : messages) {
    size_t i = 0;
    while (i < n && i < m.size() && m[i] == first[i])
      ++i;
    n = i;
  }
  while (n > 0 && in_word(first, n - 1))
    --n;
  return n;
}

// The length of the end all messages share after `prefix`, cut so that it starts between words.
size_t common_suffix(const std::vector<std::string>& messages, size_t prefix) {
  const std::string& first = messages.front();
  size_t n = first.size() - prefix;
  for (const auto& m : messages) {
    size_t i = 0;
    while (i < n && i + prefix < m.size() && m[m.size() - 1 - i] == first[first.size() - 1 - i])
      ++i;
    n = i;
  }
  while (n > 0 && in_word(first, first.size() - n))
    --n;
  return n;
}

// Whether a part closes every bracket it opens: "amplitude (staging, production" is not, when the
// ")" that all messages end with was taken into the shared end.
bool balanced(const std::string& text) {
  int round = 0, square = 0;
  for (char c : text) {
    round += c == '(' ? 1 : c == ')' ? -1 : 0;
    square += c == '[' ? 1 : c == ']' ? -1 : 0;
    if (round < 0 || square < 0) return false;
  }
  return round == 0 && square == 0;
}

std::vector<std::string> middles(const std::vector<std::string>& messages, size_t prefix,
                                 size_t suffix) {
  std::vector<std::string> parts;
  for (const auto& m : messages)
    parts.push_back(m.substr(prefix, m.size() - prefix - suffix));
  return parts;
}

std::string join_parts(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  const size_t named = std::min(parts.size(), kNamedParts);
  for (size_t i = 0; i < named; ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  if (parts.size() > named) out += " and " + std::to_string(parts.size() - named) + " more";
  return out;
}

// Texts as numbers, equal texts the same number, so that places compare as a few integers.
class TextNumbers {
 public:
  uint32_t of(std::string_view text) {
    return numbers_.try_emplace(text, static_cast<uint32_t>(numbers_.size())).first->second;
  }

 private:
  std::unordered_map<std::string_view, uint32_t> numbers_;  // views into the findings
};

// Where a finding is, as grouping compares it: its rule and severity, its head place and the start
// of its base place (a file by its path, none when the span is not valid), then the finding's
// index. Numbers, not copies of the rule and two paths: every finding of a side is keyed at once,
// and the copies were 9 MB of a large check's peak; sorted in one compact array, not compared
// through the findings themselves, which cost a cache miss or more for each comparison.
using PlaceKey = std::array<uint32_t, 11>;

PlaceKey place_key(const Finding& f, size_t index, TextNumbers& texts) {
  const Span& s = f.diagnostic.span;
  const Span& b = f.diagnostic.base_span;
  const uint32_t none = std::numeric_limits<uint32_t>::max();
  return {texts.of(f.diagnostic.rule),
          static_cast<uint32_t>(f.diagnostic.severity),
          s.valid() ? texts.of(s.file()) : none,
          s.line,
          s.column,
          s.end_line,
          s.end_column,
          b.valid() ? texts.of(b.file()) : none,
          b.line,
          b.column,
          static_cast<uint32_t>(index)};
}

bool same_place(const PlaceKey& a, const PlaceKey& b) {
  return std::equal(a.begin(), a.end() - 1, b.begin());  // all but the index
}

bool groupable(const Finding& f) {
  return !f.suppressed() && (f.diagnostic.span.valid() || f.diagnostic.base_span.valid());
}

}  // namespace

std::string group_message(std::vector<std::string> messages) {
  std::sort(messages.begin(), messages.end());
  messages.erase(std::unique(messages.begin(), messages.end()), messages.end());
  if (messages.size() == 1) return messages.front();
  const size_t prefix = common_prefix(messages);
  size_t suffix = common_suffix(messages, prefix);
  std::vector<std::string> parts = middles(messages, prefix, suffix);
  auto all_balanced = [&] { return std::all_of(parts.begin(), parts.end(), balanced); };
  if (suffix > 0 && !all_balanced()) {  // the shared end closes brackets the parts opened
    suffix = 0;
    parts = middles(messages, prefix, suffix);
  }
  const bool all_named =
      std::none_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); });
  if ((prefix == 0 && suffix == 0) || !all_named || !all_balanced())
    return join_parts(messages, "; ");
  const std::string& first = messages.front();
  return first.substr(0, prefix) + join_parts(parts, ", ") + first.substr(first.size() - suffix);
}

void group_findings_at_one_place(Findings& findings) {
  // The groupable findings by place, then by index: a group is a run of one place, its members
  // in the order they came.
  TextNumbers texts;
  std::vector<PlaceKey> by_place;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (groupable(findings[i])) by_place.push_back(place_key(findings[i], i, texts));
  }
  std::sort(by_place.begin(), by_place.end());
  std::vector<bool> merged_away(findings.size(), false);
  std::vector<size_t> members;
  for (size_t start = 0; start < by_place.size();) {
    size_t end = start + 1;
    while (end < by_place.size() && same_place(by_place[end], by_place[start]))
      ++end;
    members.clear();
    for (size_t n = start; n < end; ++n)
      members.push_back(by_place[n].back());
    start = end;
    if (members.size() < 2) continue;
    // Members in message order, so the message and the subjects do not depend on rule order.
    std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      return findings[a].diagnostic.message < findings[b].diagnostic.message;
    });
    std::vector<std::string> messages;
    std::vector<std::string> subjects;
    for (size_t i : members) {
      messages.push_back(findings[i].diagnostic.message);
      subjects.push_back(findings[i].subject);
    }
    const size_t keep = *std::min_element(members.begin(), members.end());
    Finding& group = findings[keep];
    group.diagnostic.message = group_message(std::move(messages));
    group.subject = subjects.front();
    group.subjects = std::move(subjects);
    for (size_t i : members) {
      if (i != keep) {
        merged_away[i] = true;
        for (auto& fix : findings[i].fixes)
          group.fixes.push_back(std::move(fix));
      }
    }
  }
  size_t out = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!merged_away[i]) {
      if (out != i) findings[out] = std::move(findings[i]);
      ++out;
    }
  }
  findings.resize(out);
}

}  // namespace steward::findings
