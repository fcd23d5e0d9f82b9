#pragma once

#include <string>
#include <string_view>

namespace steward::findings {

// Where a YAML comment starts on `line` (the index of its `#`), or npos. A `#` starts a comment at
// the start of the line or after whitespace, outside single- and double-quoted scalars. JSON has no
// comments and its strings are double-quoted, so the same scan is safe on JSON lines.
size_t comment_start(std::string_view line);

// The line as fingerprints see it: comment removed, whitespace trimmed, inner runs of whitespace
// collapsed to one space. Re-indenting a line or adding a comment to it does not change it.
std::string normalize_line(std::string_view line);
// normalize_line(line) appended to `out`.
void append_normalized_line(std::string& out, std::string_view line);
// Whether normalize_line(line) == normalized, without building it (most lines are told apart by
// their first character).
bool normalizes_to(std::string_view line, std::string_view normalized);

// The message as fingerprints see it: every run of digits becomes "0", so a count or a line number
// quoted in the message does not change the fingerprint.
std::string normalize_message(std::string_view message);
// normalize_message(message) appended to `out`.
void append_normalized_message(std::string& out, std::string_view message);

std::string_view trim(std::string_view text);

}  // namespace steward::findings
