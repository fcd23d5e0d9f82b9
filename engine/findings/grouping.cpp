#include "findings/grouping.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

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

using PlaceKey = std::tuple<std::string, Severity, std::string, uint32_t, uint32_t, uint32_t,
                            uint32_t, std::string, uint32_t, uint32_t>;

PlaceKey place_key(const Finding& f) {
  const Span& s = f.diagnostic.span;
  const Span& b = f.diagnostic.base_span;
  return {f.diagnostic.rule,
          f.diagnostic.severity,
          s.valid() ? s.file() : std::string(),
          s.line,
          s.column,
          s.end_line,
          s.end_column,
          b.valid() ? b.file() : std::string(),
          b.line,
          b.column};
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
  std::map<PlaceKey, std::vector<size_t>> groups;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (groupable(findings[i])) groups[place_key(findings[i])].push_back(i);
  }
  std::vector<bool> merged_away(findings.size(), false);
  for (auto& [key, members] : groups) {
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
