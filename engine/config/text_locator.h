#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "config/node.h"
#include "source/span.h"

namespace steward::config {

// Turns the places a YAML reader reports into steward's Spans. libyaml counts characters from
// after a byte-order mark; steward's columns count bytes of the line, and on line 1 they start
// after the byte-order mark, so that the caret stands under the text an editor shows.
class TextLocator {
 public:
  explicit TextLocator(const SourceRef& source);

  // The byte offset of the character at `char_index` (counted from after any byte-order mark).
  // Cheap for the nearly increasing indexes a reader reports.
  size_t byte_offset(size_t char_index);

  // A one-character span at a byte offset.
  Span at_byte(size_t offset) { return node_at_byte(offset); }
  // From the character at `begin` to the one before `end` (character indexes, end exclusive);
  // one character when the range is empty.
  Span range(size_t begin, size_t end) { return node_range(begin, end); }
  // The same places for a node, whose span holds no counted reference (a node per YAML event).
  NodeSpan node_at_byte(size_t offset);
  NodeSpan node_range(size_t begin, size_t end);

  // A place as the reader reports it: the character index, and the line and column it counted
  // there (0-based, in characters).
  struct Mark {
    size_t index = 0;
    size_t line = 0;
    size_t column = 0;
  };
  // node_range(begin.index, end.index), taken from the reader's own lines and columns where they
  // are steward's: in a file of ASCII without a byte-order mark or a carriage return a character
  // is a byte and a line ends at '\n' alone. A large plan's every node comes here; finding each
  // line and column again was a few percent of a cold check.
  NodeSpan node_range(const Mark& begin, const Mark& end);

  size_t bom_bytes() const { return bom_; }

 private:
  uint32_t line_of(size_t offset);

  SourceRef source_;
  std::vector<uint32_t> line_starts_;
  size_t bom_ = 0;
  bool ascii_ = true;
  bool marks_are_places_ = false;  // node_range(Mark, Mark) may use the reader's lines and columns
  // A cursor: the character at char_ starts at byte byte_.
  size_t char_ = 0;
  size_t byte_ = 0;
  uint32_t line_ = 1;  // the line of the last offset asked for: the next is mostly on it or close
};

}  // namespace steward::config
