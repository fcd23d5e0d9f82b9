#pragma once

#include <ostream>

#include "source/diagnostic.h"
#include "source/input_error.h"

namespace steward::cli {

// Problems in steward's own inputs that have places in files (a policy pack that does not parse
// or check): exit 2, printed with code frames like findings.
class DiagnosticsError : public InputError {
 public:
  DiagnosticsError(std::string what, Diagnostics diagnostics, std::string fix = {})
      : InputError(std::move(what), std::move(fix)), diagnostics_(std::move(diagnostics)) {}
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

// rustc-style: `error[RULE]: message`, `--> file:line:col`, the code frame, `= help:`.
void print_diagnostics(std::ostream& out, const Diagnostics& diagnostics, bool color);

}  // namespace steward::cli
