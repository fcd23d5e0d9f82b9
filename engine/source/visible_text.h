#pragma once

#include <string>
#include <string_view>

namespace steward {

// Text from the repository made safe to print in any report or terminal: characters a terminal,
// a CI runner or a renderer would interpret are replaced by a visible escape, so no report emits
// a line, a colour or a reordering that steward did not mean (docs/report-formats.md, "Escaping").
//   C0 controls (except tab) and DEL  -> \n, \r or \xNN, e.g. "\x1b"
//   C1 controls, bidi controls, U+2028/U+2029 (line/paragraph separators) -> \uNNNN
//   bytes that are not UTF-8             -> \xNN
// Tabs are kept (code frames stay aligned under them). With `keep_newlines`, '\n' is kept too
// (multi-line help text written by a rule pack); every other character is copied.
std::string visible_text(std::string_view text, bool keep_newlines = false);

// One piece of `text` at byte `pos`: a code point, or one byte that is not UTF-8. Appends its
// visible form to `out` and returns how many bytes of `text` it took; `escaped` tells whether it
// was replaced (code frames count the replacement's width to keep carets aligned).
size_t append_visible_piece(std::string_view text, size_t pos, std::string& out, bool& escaped,
                            bool keep_newlines = false);

// How many bytes from `pos` on are copied as they are: printable ASCII, tabs, and newlines with
// `keep_newlines` (the fast path of visible_text and of the JSON report).
size_t plain_run(std::string_view text, size_t pos, bool keep_newlines = false);

// Text made literal for Markdown (GitHub and GitLab flavours) and for the HTML they allow:
// visible_text, then the characters of inline Markdown and HTML are backslash-escaped and '&'
// becomes "&amp;"; no newline is left, so the text cannot start a block of its own.
// Use for values from the repository: names, paths, messages.
std::string markdown_literal(std::string_view text);

// `text` as one Markdown code span: visible_text, then a backtick fence longer than any run of
// backticks inside, padded with a space when the text starts or ends with a backtick.
std::string markdown_code_span(std::string_view text);

// A relative URI reference for a repository path (RFC 3986): every byte except the unreserved
// characters and '/' is percent-encoded, so '%', spaces, controls and ':' (which would make
// "https:x.yaml" read as a scheme) cannot change what the URI means.
std::string uri_reference(std::string_view path);

}  // namespace steward
