#include "source/diagnostic_factory.h"

#include <utility>

namespace steward {

Diagnostic make_diagnostic(std::string_view rule, Severity severity, Span span, std::string message,
                           std::string help, std::string suggestion) {
  Diagnostic d;
  d.rule = std::string(rule);
  d.severity = severity;
  d.span = std::move(span);
  d.message = std::move(message);
  d.help = std::move(help);
  d.suggestion = std::move(suggestion);
  return d;
}

void report(Diagnostics& out, std::string_view rule, Span span, std::string message,
            std::string help, std::string suggestion) {
  out.push_back(make_diagnostic(rule, Severity::error, std::move(span), std::move(message),
                                std::move(help), std::move(suggestion)));
}

}  // namespace steward
