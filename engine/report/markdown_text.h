#pragma once

#include <string>
#include <string_view>

namespace steward::report {

// A message made safe for GitHub/GitLab Markdown: control characters and newlines are escaped
// visibly (visible_text), `code spans` written in the message are kept (their content is literal
// text), and outside them every character Markdown or HTML would interpret is escaped
// (markdown_literal). Values that are not messages (paths, names) use markdown_literal or
// markdown_code_span of source/visible_text.h directly.
std::string markdown_escape(std::string_view text);

}  // namespace steward::report
