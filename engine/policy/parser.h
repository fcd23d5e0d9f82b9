#pragma once

#include <functional>
#include <memory>

#include "policy/ast.h"
#include "source/diagnostic.h"
#include "source/source_file.h"

namespace steward::policy {

// Guards against hostile or generated input: past these, parsing stops with a clear error
// instead of exhausting the stack or flooding the terminal.
inline constexpr int kMaxNestingDepth = 64;
inline constexpr int kMaxSyntaxErrors = 20;

// The result of parsing one `.policy` file of a rule pack.
struct ParsedPack {
  std::unique_ptr<PolicyFile> file;  // always set; partial when there are diagnostics
  Diagnostics diagnostics;           // rule "policy.syntax", severity error, with spans

  bool ok() const { return diagnostics.empty(); }
};

// Parses one file. Never throws: every problem is a diagnostic at file:line:col.
ParsedPack parse_policy(const SourceRef& source);

// Runs `parse` and turns anything it throws, std::exception or not, into one syntax diagnostic at
// 1:1 of `source` in `out`. parse_policy runs the ANTLR parse under it; exposed for its test.
void parse_guarded(const SourceRef& source, Diagnostics& out, const std::function<void()>& parse);

}  // namespace steward::policy
