// Places from byte offsets and character indexes: the line found from a cursor (the reader asks
// in nearly increasing order) must be the line a search would find, in any order asked.
#include "config/text_locator.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using steward::make_source;
using steward::config::TextLocator;

TEST_SUITE("text locator") {
  TEST_CASE("every byte's line and column, asked forwards, backwards and at random") {
    const std::string text = "a: 1\n\nbb: [x, y]\n  - z\nlast";
    auto source = make_source("t.yaml", text);
    // The expected place of each byte, counted by hand.
    std::vector<std::pair<uint32_t, uint32_t>> expected;
    uint32_t line = 1;
    uint32_t column = 1;
    for (char c : text) {
      expected.emplace_back(line, column);
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::vector<size_t> order(text.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::vector<std::vector<size_t>> orders = {order, {order.rbegin(), order.rend()}};
    std::mt19937 random(7);
    for (int shuffle = 0; shuffle < 5; ++shuffle) {
      std::shuffle(order.begin(), order.end(), random);
      orders.push_back(order);
    }
    for (const auto& asked : orders) {
      TextLocator locator(source);
      for (size_t offset : asked) {
        const auto place = locator.node_at_byte(offset);
        CAPTURE(offset);
        CHECK(place.line == expected[offset].first);
        CHECK(place.column == expected[offset].second);
        CHECK(place.source == source.get());
      }
    }
  }

  TEST_CASE("a character past one of more than a byte is found, wherever that one stands") {
    // The text is checked for bytes above 127 eight at a time, then the rest one by one: a
    // two-byte character in any of those places must be seen, or offsets after it are off by one.
    for (size_t before = 0; before < 20; ++before) {
      for (size_t after = 0; after < 10; ++after) {
        const std::string text = std::string(before, 'a') + "\xC3\xA9" + std::string(after, 'b');
        TextLocator locator(make_source("t.yaml", text));
        CAPTURE(before);
        CAPTURE(after);
        CHECK(locator.byte_offset(before) == before);          // the two-byte character
        CHECK(locator.byte_offset(before + 1) == before + 2);  // the first character after it
      }
    }
    TextLocator ascii(make_source("t.yaml", std::string(19, 'a')));
    CHECK(ascii.byte_offset(18) == 18);
  }

  TEST_CASE("a range from the reader's lines and columns is the range from its indexes") {
    // Marks as libyaml counts them (0-based lines and columns; a line ends at '\n'), for every
    // range of every text: ASCII ones take the marks' places, the others (a carriage return, a
    // character of two bytes) are found from the indexes; both must be the same places.
    for (const std::string& text :
         {std::string("a: 1\n\nbb: [x, y]\n  - z\nlast"), std::string("k: v\n"),
          std::string("x: 1\r\ny: 2\r\n"), std::string("n: \xC3\xA9t\xC3\xA9\nm: 1\n")}) {
      auto source = make_source("t.yaml", text);
      std::vector<TextLocator::Mark> marks;  // by character index, one past the last too
      TextLocator::Mark mark;
      for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // not a character
        marks.push_back(mark);
        ++mark.index;
        if (text[i] == '\n') {
          ++mark.line;
          mark.column = 0;
        } else {
          ++mark.column;
        }
      }
      marks.push_back(mark);
      TextLocator by_marks(source);
      TextLocator by_indexes(source);
      for (size_t begin = 0; begin < marks.size(); ++begin) {
        for (size_t end = begin; end < marks.size(); ++end) {
          const auto expected = by_indexes.node_range(begin, end);
          const auto got = by_marks.node_range(marks[begin], marks[end]);
          CAPTURE(text);
          CAPTURE(begin);
          CAPTURE(end);
          CHECK(got.line == expected.line);
          CHECK(got.column == expected.column);
          CHECK(got.end_line == expected.end_line);
          CHECK(got.end_column == expected.end_column);
        }
      }
    }
  }

  TEST_CASE("a range ends at its last character; a byte-order mark is not a column") {
    auto source = make_source("t.yaml", "\xEF\xBB\xBFkey: value\n");
    TextLocator locator(source);
    const auto value = locator.node_range(5, 10);  // characters after the mark: "value"
    CHECK(value.line == 1);
    CHECK(value.column == 6);
    CHECK(value.end_column == 10);
    const steward::Span span = locator.range(0, 3);
    CHECK(span.source == source);
    CHECK(span.column == 1);
    CHECK(span.end_column == 3);
  }
}
