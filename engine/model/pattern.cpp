#include "model/pattern.h"

#include <re2/re2.h>

#include <mutex>
#include <unordered_map>

#include "model/yaml_field_reader.h"
#include "source/rule_ids.h"

namespace steward::model {
namespace {

// ECMA-262 features (JSON Schema `pattern` is ECMA-262) that need backtracking: RE2 refuses
// them with a parse error that would read like a typo, so they are named instead.
std::string_view backtracking_feature(std::string_view pattern) {
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      char next = pattern[i + 1];
      if (next >= '1' && next <= '9') return "a backreference";
      if (next == 'k' && i + 2 < pattern.size() && pattern[i + 2] == '<')
        return "a named backreference";
      ++i;  // an escaped character is never the start of a group
      continue;
    }
    if (pattern[i] != '(' || pattern[i + 1] != '?') continue;
    std::string_view rest = pattern.substr(i + 2);
    if (rest.starts_with("=") || rest.starts_with("!")) return "a lookahead";
    if (rest.starts_with("<=") || rest.starts_with("<!")) return "a lookbehind";
  }
  return {};
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// ECMA-262 spellings that RE2 writes differently, so that valid JSON Schema patterns stay valid:
// `\uXXXX` is `\x{XXXX}`, and a named group `(?<name>` is `(?P<name>`.
std::string to_re2_syntax(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      if (pattern[i + 1] == 'u' && i + 5 < pattern.size() && is_hex(pattern[i + 2]) &&
          is_hex(pattern[i + 3]) && is_hex(pattern[i + 4]) && is_hex(pattern[i + 5])) {
        out += "\\x{" + std::string(pattern.substr(i + 2, 4)) + "}";
        i += 5;
        continue;
      }
      if (pattern[i + 1] == 'u' && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        out += "\\x{";
        i += 2;
        continue;
      }
      out += pattern.substr(i, 2);
      ++i;
      continue;
    }
    if (pattern.substr(i).starts_with("(?<") && i + 3 < pattern.size() && pattern[i + 3] != '=' &&
        pattern[i + 3] != '!') {
      out += "(?P<";
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

// Why each pattern seen so far cannot be used (empty: it can). Data files repeat their patterns
// (20,000 generated events share two), and compiling one with RE2 costs far more than reading
// the event, so each distinct pattern is compiled once a process. Bounded: past the bound a
// pattern is compiled every time, as before, so hostile input cannot grow it.
class PatternProblems {
 public:
  std::string problem(std::string_view pattern) {
    {
      std::lock_guard lock(mutex_);
      if (auto it = known_.find(std::string(pattern)); it != known_.end()) return it->second;
    }
    std::string problem = compile_pattern(pattern).problem;
    std::lock_guard lock(mutex_);
    if (known_.size() < kMaxRemembered && pattern.size() <= kMaxRememberedBytes)
      known_.emplace(std::string(pattern), problem);
    return problem;
  }

 private:
  static constexpr size_t kMaxRemembered = 4096;
  static constexpr size_t kMaxRememberedBytes = 256;
  std::mutex mutex_;
  std::unordered_map<std::string, std::string> known_;
};

}  // namespace

CompiledPattern compile_pattern(std::string_view pattern) {
  CompiledPattern out;
  if (pattern.size() > kMaxPatternBytes) {
    out.problem = "the pattern is " + std::to_string(pattern.size()) +
                  " bytes long; steward accepts patterns of up to " +
                  std::to_string(kMaxPatternBytes);
    return out;
  }
  if (std::string_view feature = backtracking_feature(pattern); !feature.empty()) {
    out.problem = "the pattern uses " + std::string(feature) +
                  ", a feature steward cannot check in linear time";
    return out;
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_never_capture(true);  // only whether it matches is asked
  auto regex = std::make_shared<const RE2>(to_re2_syntax(pattern), options);
  if (!regex->ok()) {
    out.problem = "invalid regular expression: " + regex->error();
    return out;
  }
  out.regex = std::move(regex);
  return out;
}

bool pattern_search(const re2::RE2& regex, std::string_view text) {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), regex);
}

bool check_data_pattern(std::string_view pattern, const Span& span, std::string_view what,
                        Diagnostics& diagnostics) {
  static PatternProblems problems;
  const std::string problem = problems.problem(pattern);
  if (problem.empty()) return true;
  report(diagnostics, rule_id::kSchemaInvalidPattern, span,
         "this " + std::string(what) + " cannot be checked: " + problem,
         "steward reads patterns as RE2 regular expressions (the ECMA-262 subset without "
         "backreferences and lookaround). Rewrite the pattern without them, or fix its syntax.");
  return true;
}

}  // namespace steward::model
