#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "source/span.h"

namespace steward::report {

// ANSI escape sequences, or empty strings when colour is off.
struct Palette {
  std::string_view accent;  // gutter, arrows (bold blue)
  std::string_view marker;  // the caret line: the colour of the severity
  std::string_view reset;
};

// The gutter width of a code frame for `span`: the number of digits of its line.
size_t gutter_width(const Span& span);

// The rustc-style frame of a valid span, with `pad` = gutter_width spaces:
//    |
//  3 | descripton: A shopper opened the checkout.
//    | ^^^^^^^^^^
// Carets run from column to end_column on a one-line span, or to the end of the line when the
// span continues below. Columns count bytes; the caret line counts characters, so it stays aligned
// under UTF-8 text, and copies tabs so it stays aligned under them.
void write_code_frame(std::ostream& out, const Span& span, size_t width, const Palette& palette);

}  // namespace steward::report
