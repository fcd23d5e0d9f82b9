#include "config/input_checks.h"

#include <string_view>

#include "config/read_limits.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::config {

namespace {

// Git writes `<<<<<<< ours`, `=======` and `>>>>>>> theirs` at the start of a line. Seven
// characters, then the end of the line or a space: a longer run is a YAML text line of its own.
bool conflict_marker(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  for (std::string_view marker : {"<<<<<<<", "=======", ">>>>>>>"}) {
    if (!line.starts_with(marker)) continue;
    std::string_view rest = line.substr(marker.size());
    if (marker == "=======") return rest.find_first_not_of(" \t") == std::string_view::npos;
    return rest.empty() || rest.front() == ' ';
  }
  return false;
}

}  // namespace

Diagnostic too_large(const Span& span, const std::string& what) {
  return make_diagnostic(
      rule_id::kSyntaxTooLarge, Severity::error, span, what,
      "no tracking plan comes close to steward's reading limits (docs/data-file-rules.md); split "
      "the file, or exclude generated data in steward.yaml");
}

std::optional<Diagnostic> check_input(const SourceRef& source, bool json) {
  const std::string& text = source->text();
  if (text.size() > kMaxFileBytes) {
    return too_large(Span{source, 1, 1, 1, 1},
                     "file of " + std::to_string(text.size()) + " bytes is larger than " +
                         std::to_string(kMaxFileBytes >> 20) + " MiB, the most steward reads");
  }
  // libyaml would decode UTF-16 after its byte-order mark; steward's columns count UTF-8 bytes.
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    return make_diagnostic(json ? rule_id::kSyntaxJson : rule_id::kSyntaxYaml, Severity::error,
                           Span{source, 1, 1, 1, 1},
                           std::string(json ? "invalid JSON" : "invalid YAML") +
                               ": not UTF-8 text: the file starts with a UTF-16 byte-order mark",
                           "save the file as UTF-8");
  }
  for (uint32_t number = 1; number <= source->line_count(); ++number) {
    std::string_view line = source->line(number);
    if (line.size() < 7 || (line[0] != '<' && line[0] != '=' && line[0] != '>')) continue;
    if (!conflict_marker(line)) continue;
    return make_diagnostic(
        json ? rule_id::kSyntaxJson : rule_id::kSyntaxYaml, Severity::error,
        Span{source, number, 1, number, 7},
        "unresolved merge conflict marker '" + std::string(line.substr(0, 7)) + "'",
        "finish the merge: keep one side of the conflict and delete the marker lines");
  }
  return std::nullopt;
}

}  // namespace steward::config
