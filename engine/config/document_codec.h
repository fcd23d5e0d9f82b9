#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/document_reader.h"

namespace steward::config {

// A compact binary form of one file's read: its documents and diagnostics, spans without their
// SourceRef (decode attaches the one given) and node texts as places in the file's text where
// they stand there. For the persistent cache: decode trusts nothing in the bytes. Truncated,
// corrupt or foreign bytes (wrong magic or format version, lengths beyond the input or places
// beyond the file, nesting beyond kMaxNestingDepth) give nullopt; it never throws.
std::string encode_read_result(const ReadResult& result);
// The nodes' texts point into the source's text or into `bytes`, which the documents' arena keeps.
std::optional<ReadResult> decode_read_result(std::string bytes, const SourceRef& source);

// Bumped whenever the encoding changes: older bytes are then refused, not misread.
inline constexpr unsigned kDocumentCodecVersion = 2;

}  // namespace steward::config
