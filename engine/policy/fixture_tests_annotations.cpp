#include "policy/fixture_tests_annotations.h"

#include <algorithm>
#include <charconv>

#include "source/spelling.h"

namespace steward::policy {

std::string Expectation::describe() const {
  std::string text = rule;
  if (severity) text += " severity=" + std::string(to_string(*severity));
  if (review && team.empty()) text += " review";
  if (!team.empty()) text += " by=" + team;
  if (count) text += " count=" + std::to_string(*count);
  if (!message.empty()) {
    text += message_is_pattern ? " message~/" + message + "/" : " message~\"" + message + "\"";
  }
  return text;
}

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

// Splits `a, b message~"x, y"` at the commas that are outside quotes and /patterns/.
std::vector<std::string> split_items(std::string_view text) {
  std::vector<std::string> items;
  std::string current;
  char closing = 0;  // '"' or '/' while inside a quoted text or a pattern
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (closing != 0) {
      current += c;
      if (c == '\\' && i + 1 < text.size()) {
        current += text[++i];
      } else if (c == closing) {
        closing = 0;
      }
      continue;
    }
    if (c == ',') {
      items.push_back(trim(current));
      current.clear();
      continue;
    }
    if (c == '"' || (c == '/' && !current.empty() && current.back() == '~')) closing = c;
    current += c;
  }
  items.push_back(trim(current));
  return items;
}

// Reads the text between `open` at `at` and its closing character; `\` escapes the closer (and
// itself in quoted text). Returns false when it is not closed.
bool read_delimited(std::string_view item, size_t& at, std::string& out) {
  char closer = item[at] == '/' ? '/' : '"';
  for (size_t i = at + 1; i < item.size(); ++i) {
    char c = item[i];
    if (c == '\\' && i + 1 < item.size() && (item[i + 1] == closer || closer == '"')) {
      out += item[++i];
    } else if (c == closer) {
      at = i + 1;
      return true;
    } else {
      out += c;
    }
  }
  return false;
}

const std::vector<std::string> kAttributes = {"severity", "count", "message", "review", "by"};

// One attribute of an `# expect:` item; returns an error message, or "" when it was read.
std::string read_attribute(std::string_view item, size_t& at, Expectation& e) {
  size_t key_end = item.find_first_of("=~ \t", at);
  if (key_end == std::string_view::npos) key_end = item.size();
  std::string key(item.substr(at, key_end - at));
  char op = key_end < item.size() ? item[key_end] : ' ';
  auto word = [&]() {
    size_t end = item.find_first_of(" \t", key_end + 1);
    if (end == std::string_view::npos) end = item.size();
    std::string value(item.substr(key_end + 1, end - key_end - 1));
    at = end;
    return value;
  };
  if (key == "review" && op != '=' && op != '~') {
    e.review = true;
    at = key_end;
    return "";
  }
  if (key == "severity" && op == '=') {
    std::string value = word();
    if (value == "error") e.severity = Severity::error;
    if (value == "warning") e.severity = Severity::warning;
    if (value == "note") e.severity = Severity::note;
    if (e.severity) return "";
    auto guess = closest_match(value, {"error", "warning", "note"});
    return "unknown severity `" + value + "`" +
           (guess ? "; did you mean `" + *guess + "`?" : "; use error, warning or note");
  }
  if (key == "count" && op == '=') {
    std::string value = word();
    int n = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (error != std::errc{} || end != value.data() + value.size() || n < 1) {
      return "`count=` takes a whole number of at least 1, not `" + value +
             "` (use `# ok:` for none)";
    }
    e.count = n;
    return "";
  }
  if (key == "by" && op == '=') {
    e.team = word();
    e.review = true;
    return e.team.empty() ? "`by=` takes a team name" : "";
  }
  if (key == "message" && op == '~') {
    at = key_end + 1;
    if (at >= item.size() || (item[at] != '"' && item[at] != '/')) {
      return "`message~` takes a quoted text (\"reaches braze\") or a /pattern/";
    }
    e.message_is_pattern = item[at] == '/';
    if (!read_delimited(item, at, e.message)) return "the text after `message~` is not closed";
    return "";
  }
  if (std::find(kAttributes.begin(), kAttributes.end(), key) != kAttributes.end()) {
    return "`" + key + "` needs a value: " +
           (key == "message" ? "message~\"text\" or message~/pattern/" : key + "=...");
  }
  auto guess = closest_match(key, kAttributes);
  std::string usage =
      "an expectation takes severity=S, count=N, message~\"text\", message~/pattern/, review and "
      "by=TEAM";
  return "unknown `" + std::string(item.substr(at, key_end - at + 1)) + "` in `# expect:`" +
         (guess ? "; did you mean `" + *guess + "`?" : "; " + usage);
}

// Parses one comma-separated item: a rule id, then (for `# expect:`) attributes.
std::string parse_item(std::string_view item, bool expect, Expectation& e) {
  size_t at = item.find_first_of(" \t");
  e.rule = std::string(item.substr(0, at));
  e.expect = expect;
  while (at != std::string_view::npos && at < item.size()) {
    at = item.find_first_not_of(" \t", at);
    if (at == std::string_view::npos) break;
    if (!expect) return "`# ok:` takes rule ids only; pin messages and counts with `# expect:`";
    if (std::string problem = read_attribute(item, at, e); !problem.empty()) return problem;
  }
  return "";
}

// The annotation in a comment (`expect: ...` or `ok: ...`), if any.
bool parse_comment(const std::string& comment, const std::string& side,
                   const git::SnapshotFile& file, uint32_t number, std::vector<Expectation>& found,
                   std::vector<AnnotationError>& errors) {
  bool expect = comment.rfind("expect:", 0) == 0;
  bool ok = comment.rfind("ok:", 0) == 0;
  if (!expect && !ok) return false;
  for (const std::string& item : split_items(std::string_view(comment).substr(expect ? 7 : 3))) {
    if (item.empty()) continue;
    Expectation e;
    e.side = side;
    e.file = file.path;
    e.written_on = number;
    if (std::string problem = parse_item(item, expect, e); !problem.empty()) {
      errors.push_back({side, file.path, number, problem});
      continue;
    }
    found.push_back(std::move(e));
  }
  return true;
}

}  // namespace

void read_annotations(const std::string& side, const git::SnapshotFile& file,
                      std::vector<Expectation>& out, std::vector<AnnotationError>& errors) {
  std::vector<Expectation> pending;  // standalone ones, waiting for a line with content
  uint32_t number = 0;
  size_t start = 0;
  const std::string& text = file.content;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    ++number;
    std::vector<Expectation> found;
    std::string_view before = line;
    for (size_t hash = line.find('#'); hash != std::string_view::npos;
         hash = line.find('#', hash + 1)) {
      if (hash > 0 && line[hash - 1] != ' ' && line[hash - 1] != '\t') continue;
      if (parse_comment(trim(line.substr(hash + 1)), side, file, number, found, errors)) {
        before = line.substr(0, hash);
        break;
      }
    }
    std::string content = trim(before);
    if (!content.empty() && content[0] != '#') {
      for (auto* group : {&pending, &found}) {
        for (auto& e : *group) {
          e.line = number;
          out.push_back(std::move(e));
        }
      }
      pending.clear();
    } else {
      pending.insert(pending.end(), found.begin(), found.end());
    }
    if (end == text.size()) break;
    start = end + 1;
  }
}

}  // namespace steward::policy
