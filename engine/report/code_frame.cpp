#include "report/code_frame.h"

#include <algorithm>

#include "model/credentials.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

// The caret line: the prefix's whitespace kept (tabs stay tabs), then one caret per character;
// a character shown escaped (a control, "\\x1b") is as wide as its escape.
std::string underline(std::string_view line, const Span& span) {
  size_t begin = std::min<size_t>(span.column > 0 ? span.column - 1 : 0, line.size());
  size_t end = line.size();  // exclusive
  if (span.end_line == span.line && span.end_column >= span.column) {
    end = std::min<size_t>(span.end_column, line.size());
  } else if (span.end_line <= span.line) {
    end = std::min(begin + 1, line.size());  // no end: one character
  }
  std::string marks;
  size_t carets = 0;
  std::string piece;
  bool escaped = false;
  for (size_t i = 0; i < end;) {
    piece.clear();
    const size_t start = i;
    i += append_visible_piece(line, i, piece, escaped);
    const size_t width = escaped ? piece.size() : 1;
    if (start >= begin)
      carets += width;
    else if (piece == "\t")
      marks.push_back('\t');
    else
      marks.append(width, ' ');
  }
  marks.append(std::max<size_t>(carets, 1), '^');
  return marks;
}

}  // namespace

size_t gutter_width(const Span& span) {
  return std::to_string(span.line).size();
}

void write_code_frame(std::ostream& out, const Span& span, size_t width, const Palette& palette) {
  const std::string pad(width, ' ');
  // A credential written as a literal is never printed, whichever finding shows its line.
  const std::string masked = model::mask_credentials(span.source->line(span.line));
  std::string_view line = masked;
  std::string number = std::to_string(span.line);
  out << palette.accent << pad << " |" << palette.reset << '\n';
  out << palette.accent << std::string(width - number.size(), ' ') << number << " |"
      << palette.reset << (line.empty() ? "" : " ") << visible_text(line) << '\n';
  out << palette.accent << pad << " |" << palette.reset << ' ' << palette.marker
      << underline(line, span) << palette.reset << '\n';
}

}  // namespace steward::report
