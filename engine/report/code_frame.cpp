#include "report/code_frame.h"

#include <algorithm>

namespace steward::report {
namespace {

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The caret line: the prefix's whitespace kept (tabs stay tabs), then one caret per character.
std::string underline(std::string_view line, const Span& span) {
  size_t begin = std::min<size_t>(span.column > 0 ? span.column - 1 : 0, line.size());
  size_t end = line.size();  // exclusive
  if (span.end_line == span.line && span.end_column >= span.column) {
    end = std::min<size_t>(span.end_column, line.size());
  } else if (span.end_line <= span.line) {
    end = std::min(begin + 1, line.size());  // no end: one character
  }
  std::string marks;
  for (size_t i = 0; i < begin; ++i) {
    if (line[i] == '\t')
      marks.push_back('\t');
    else if (!is_continuation_byte(line[i]))
      marks.push_back(' ');
  }
  size_t carets = 0;
  for (size_t i = begin; i < end; ++i) {
    if (!is_continuation_byte(line[i])) ++carets;
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
  std::string_view line = span.source->line(span.line);
  std::string number = std::to_string(span.line);
  out << palette.accent << pad << " |" << palette.reset << '\n';
  out << palette.accent << std::string(width - number.size(), ' ') << number << " |"
      << palette.reset << (line.empty() ? "" : " ") << line << '\n';
  out << palette.accent << pad << " |" << palette.reset << ' ' << palette.marker
      << underline(line, span) << palette.reset << '\n';
}

}  // namespace steward::report
