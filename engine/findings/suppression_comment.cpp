#include "findings/suppression_comment.h"

#include <string_view>

#include "findings/line_text.h"

namespace steward::findings {
namespace {

constexpr std::string_view kMarker = "steward:ignore";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}
bool is_rule_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_' || c == '*';
}

bool is_comment_only(std::string_view line) {
  std::string_view t = trim(line);
  return !t.empty() && t.front() == '#';
}

// The line after `line` that is not a comment-only line, or 0.
uint32_t next_code_line(const SourceFile& file, uint32_t line) {
  for (uint32_t next = line + 1; next <= file.line_count(); ++next) {
    if (!is_comment_only(file.line(next))) return next;
  }
  return 0;
}

Span span_at(const SourceRef& file, uint32_t line, size_t begin, size_t end) {
  return Span{file, line, static_cast<uint32_t>(begin + 1), line, static_cast<uint32_t>(end)};
}

// Parses `text` (the comment after `#`, starting at byte `offset` of the line) into `comment`.
void parse(const SourceRef& file, uint32_t line, std::string_view text, size_t offset,
           SuppressionComment& comment) {
  const size_t dashes = text.find("--");
  std::string_view ids = text.substr(0, dashes);
  size_t i = 0;
  while (true) {
    while (i < ids.size() && is_space(ids[i]))
      ++i;
    size_t begin = i;
    while (i < ids.size() && is_rule_char(ids[i]))
      ++i;
    if (i == begin) break;
    comment.rules.push_back({std::string(ids.substr(begin, i - begin)),
                             span_at(file, line, offset + begin, offset + i)});
    while (i < ids.size() && is_space(ids[i]))
      ++i;
    if (i < ids.size() && ids[i] == ',') {
      ++i;
      continue;
    }
    break;
  }
  std::string_view extra = trim(ids.substr(i));
  comment.reason =
      dashes == std::string_view::npos ? "" : std::string(trim(text.substr(dashes + 2)));

  auto fail = [&](SuppressionComment::Problem problem, std::string message) {
    comment.problem = problem;
    comment.problem_message = std::move(message);
  };
  if (comment.rules.empty()) {
    fail(SuppressionComment::Problem::invalid, "this suppression names no rule");
    return;
  }
  for (const auto& rule : comment.rules) {
    if (rule.id.find('*') != std::string::npos) {
      fail(SuppressionComment::Problem::invalid,
           "`" + rule.id + "` is not allowed in a suppression: name each rule it silences");
      return;
    }
  }
  if (!extra.empty() && dashes != std::string_view::npos) {
    fail(SuppressionComment::Problem::invalid,
         "unexpected `" + std::string(extra) +
             "` in a suppression: rule ids are separated by commas");
  } else if (comment.reason.empty()) {
    fail(SuppressionComment::Problem::missing_reason,
         "this suppression gives no reason: write it after ` -- `");
  }
}

}  // namespace

std::vector<SuppressionComment> scan_suppressions(const SourceRef& file) {
  std::vector<SuppressionComment> comments;
  if (!file) return comments;
  // Cheap rejection: most files have no suppression at all.
  if (file->text().find(kMarker) == std::string::npos) return comments;
  for (uint32_t line = 1; line <= file->line_count(); ++line) {
    std::string_view text = file->line(line);
    size_t hash = comment_start(text);
    if (hash == std::string_view::npos) continue;
    size_t start = hash + 1;
    while (start < text.size() && is_space(text[start]))
      ++start;
    if (text.substr(start, kMarker.size()) != kMarker) continue;
    size_t after = start + kMarker.size();
    if (after < text.size() && !is_space(text[after])) continue;  // "steward:ignored", not ours

    SuppressionComment comment;
    size_t end = text.size();
    while (end > hash && is_space(text[end - 1]))
      --end;
    comment.span = span_at(file, line, hash, end);
    bool own_line = trim(text.substr(0, hash)).empty();
    comment.covers = own_line ? next_code_line(*file, line) : 0;
    parse(file, line, text.substr(after, end - after), after, comment);
    comments.push_back(std::move(comment));
  }
  return comments;
}

}  // namespace steward::findings
