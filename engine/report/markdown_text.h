#pragma once

#include <string>
#include <string_view>

namespace steward::report {

// Text from a message made safe for GitHub/GitLab Markdown: `code spans` are kept as they are;
// outside them, characters Markdown or HTML would interpret are backslash-escaped, and newlines
// become <br> so the text stays inside one list item.
std::string markdown_escape(std::string_view text);

// A path made safe for a URL: every byte except unreserved characters and '/' percent-encoded.
std::string url_encode_path(std::string_view path);

}  // namespace steward::report
