#include "config/text_locator.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace steward::config {

namespace {

bool continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Whether no byte of `text` has its high bit set: eight bytes are OR-ed together at a time (the
// compiler makes wider steps of it), the rest one by one into the lowest byte.
bool all_ascii(std::string_view text) {
  uint64_t seen = 0;
  size_t i = 0;
  for (; i + sizeof(uint64_t) <= text.size(); i += sizeof(uint64_t)) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof word);
    seen |= word;
  }
  for (; i < text.size(); ++i)
    seen |= static_cast<unsigned char>(text[i]);
  return (seen & 0x8080808080808080ULL) == 0;
}

}  // namespace

TextLocator::TextLocator(const SourceRef& source) : source_(source) {
  const std::string& text = source->text();
  if (text.starts_with("\xEF\xBB\xBF")) bom_ = 3;
  // Both passes go many bytes at a time (memchr; eight bytes to a word): every file a check
  // parses comes here, and a loop over its bytes took a few percent of a cold check.
  line_starts_.push_back(0);
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* at = begin;
       (at = static_cast<const char*>(std::memchr(at, '\n', static_cast<size_t>(end - at))));
       ++at) {
    line_starts_.push_back(static_cast<uint32_t>(at + 1 - begin));
  }
  ascii_ = all_ascii(std::string_view(text).substr(bom_));
  marks_are_places_ = ascii_ && bom_ == 0 && text.find('\r') == std::string::npos;
  byte_ = bom_;
}

size_t TextLocator::byte_offset(size_t char_index) {
  const std::string& text = source_->text();
  if (ascii_) return std::min(bom_ + char_index, text.size());
  while (char_ < char_index && byte_ < text.size()) {
    ++byte_;
    while (byte_ < text.size() && continuation(static_cast<unsigned char>(text[byte_])))
      ++byte_;
    ++char_;
  }
  while (char_ > char_index && byte_ > bom_) {
    --byte_;
    while (byte_ > bom_ && continuation(static_cast<unsigned char>(text[byte_])))
      --byte_;
    --char_;
  }
  return byte_;
}

uint32_t TextLocator::line_of(size_t offset) {
  // The line starting at or before `offset` whose successor starts after it (1-based).
  auto starts_by = [&](uint32_t line) { return line_starts_[line - 1] <= offset; };
  const auto lines = static_cast<uint32_t>(line_starts_.size());
  if (starts_by(line_) && (line_ == lines || !starts_by(line_ + 1))) return line_;
  if (line_ < lines && starts_by(line_ + 1) && (line_ + 1 == lines || !starts_by(line_ + 2)))
    return ++line_;
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  line_ = static_cast<uint32_t>(after - line_starts_.begin());
  return line_;
}

NodeSpan TextLocator::node_at_byte(size_t offset) {
  offset = std::min(offset, source_->text().size());
  const uint32_t line = line_of(offset);
  size_t column = offset - line_starts_[line - 1] + 1;
  if (line == 1 && column > bom_) column -= bom_;
  NodeSpan span;
  span.source = source_.get();
  span.line = span.end_line = line;
  span.column = span.end_column = static_cast<uint32_t>(column);
  return span;
}

NodeSpan TextLocator::node_range(size_t begin, size_t end) {
  NodeSpan span = node_at_byte(byte_offset(begin));
  if (end <= begin + 1) return span;
  // The last character of the range starts at the byte before the end's, less its continuation.
  size_t last = byte_offset(end);
  const std::string& text = source_->text();
  if (last > 0) --last;
  while (last > 0 && last < text.size() && continuation(static_cast<unsigned char>(text[last])))
    --last;
  const NodeSpan end_span = node_at_byte(last);
  span.end_line = end_span.line;
  span.end_column = end_span.column;
  return span;
}

NodeSpan TextLocator::node_range(const Mark& begin, const Mark& end) {
  // The end's line and column are of the character after the range; the range's last character
  // is the one before it, on the same line unless the end is at a line's start (then counted).
  if (!marks_are_places_ || begin.index >= source_->text().size() ||
      (end.index > begin.index + 1 && end.column == 0)) {
    return node_range(begin.index, end.index);
  }
  NodeSpan span;
  span.source = source_.get();
  span.line = span.end_line = static_cast<uint32_t>(begin.line + 1);
  span.column = span.end_column = static_cast<uint32_t>(begin.column + 1);
  if (end.index <= begin.index + 1) return span;
  span.end_line = static_cast<uint32_t>(end.line + 1);
  span.end_column = static_cast<uint32_t>(end.column);
  return span;
}

}  // namespace steward::config
