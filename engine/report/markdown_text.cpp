#include "report/markdown_text.h"

#include "source/visible_text.h"

namespace steward::report {

std::string markdown_escape(std::string_view raw) {
  // Controls and newlines first, so that nothing below can start a new line or block.
  const std::string visible = visible_text(raw);
  const std::string_view text = visible;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('`', i);
    size_t close = open == std::string_view::npos ? open : text.find('`', open + 1);
    if (close == std::string_view::npos) {
      out += markdown_literal(text.substr(i));
      break;
    }
    // A code span's content is literal text in Markdown: no HTML, links or emphasis inside.
    out += markdown_literal(text.substr(i, open - i));
    out += text.substr(open, close - open + 1);
    i = close + 1;
  }
  return out;
}

}  // namespace steward::report
