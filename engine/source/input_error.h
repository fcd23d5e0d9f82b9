#pragma once

#include <stdexcept>
#include <string>

#include "source/span.h"

namespace steward {

// A problem with steward's own inputs: arguments, steward.yaml, policy packs, a revision that
// cannot be read. The CLI reports it as `error: <what>` plus `  fix: <how>` and exits 2.
// (Problems in the customer-data files are Diagnostics, never InputErrors.)
class InputError : public std::runtime_error {
 public:
  InputError(std::string what, std::string fix = {})
      : std::runtime_error(std::move(what)), fix_(std::move(fix)) {}
  const std::string& fix() const { return fix_; }

 private:
  std::string fix_;
};

// An InputError at a place in one of steward's own files: "path:line:column: message".
[[noreturn]] inline void fail_at(const Span& span, const std::string& message,
                                 const std::string& fix) {
  throw InputError(file_line_column(span) + ": " + message, fix);
}

}  // namespace steward
