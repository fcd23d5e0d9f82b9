#include "cli/diagnostics_error.h"

#include "report/code_frame.h"

namespace steward::cli {

void print_diagnostics(std::ostream& out, const Diagnostics& diagnostics, bool color) {
  report::Palette palette{color ? "\033[1;34m" : "", color ? "\033[1;31m" : "",
                          color ? "\033[0m" : ""};
  for (const auto& d : diagnostics) {
    out << palette.marker << to_string(d.severity) << "[" << d.rule << "]" << palette.reset << ": "
        << d.message << "\n";
    if (d.span.valid()) {
      size_t width = report::gutter_width(d.span);
      out << std::string(width, ' ') << palette.accent << "--> " << palette.reset << d.span.file()
          << ":" << d.span.line << ":" << d.span.column << "\n";
      report::write_code_frame(out, d.span, width, palette);
    }
    if (!d.help->empty()) out << "  = help: " << *d.help << "\n";
    if (!d.suggestion.empty()) out << "  = suggestion: " << d.suggestion << "\n";
    out << "\n";
  }
}

}  // namespace steward::cli
