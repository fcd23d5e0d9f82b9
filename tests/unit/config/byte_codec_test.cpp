// The cache codecs' primitives: numbers, and texts numbered in a table as they first appear, the
// writer and the reader counting alike whether a text was looked up (text) or not (unique_text).
#include "config/byte_codec.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using steward::config::ByteReader;
using steward::config::ByteWriter;
using steward::config::TextTable;

TEST_SUITE("byte codec") {
  TEST_CASE("numbers of every size read back") {
    ByteWriter out;
    const std::vector<uint64_t> numbers = {0, 1, 127, 128, 300, 1u << 31, UINT64_MAX};
    for (uint64_t n : numbers)
      out.number(n);
    out.numbers({0, 300, UINT64_MAX, 1, 1u << 31});  // several at once read back the same
    const std::string bytes = out.take();
    ByteReader in(bytes);
    for (uint64_t n : numbers)
      CHECK(in.number() == n);
    for (uint64_t n : {uint64_t{0}, uint64_t{300}, UINT64_MAX, uint64_t{1}, uint64_t{1u << 31}})
      CHECK(in.number() == n);
    CHECK(in.at_end());
  }

  TEST_CASE("what is written past the buffer's first pages reads back, and take() empties it") {
    // The writer's buffer runs ahead of what is written and grows a page at a time: a million
    // numbers and texts cross many of its steps.
    ByteWriter out;
    out.raw("MAGIC");
    for (uint64_t n = 0; n < 1000000; ++n) {
      out.number(n * 2654435761u);
      if (n % 1000 == 0) out.unique_text(std::string(n % 7000, 'x'));
    }
    const size_t written = out.size();
    const std::string bytes = out.take();
    CHECK(bytes.size() == written);
    CHECK(out.size() == 0);
    ByteReader in(bytes);
    CHECK(in.literal("MAGIC"));
    bool all_same = true;
    for (uint64_t n = 0; n < 1000000 && all_same; ++n) {
      all_same = in.number() == n * 2654435761u;
      if (n % 1000 == 0) all_same = all_same && in.text() == std::string(n % 7000, 'x');
    }
    CHECK(all_same);
    CHECK(in.at_end());

    out.number(7);  // a writer taken from starts again
    const std::string again = out.take();
    CHECK(again == std::string(1, '\x07'));
  }

  TEST_CASE("a repeated text is its number; a unique one is written out but keeps the count") {
    ByteWriter out(8);
    out.text("rule.a");
    out.unique_text("message one");  // longer than 8: never in the table
    out.unique_text("fp1");          // short: numbered by the reader, not looked up here
    out.text("subject");
    out.text("rule.a");
    out.unique_text("fp1");  // written out again, as a new text
    out.text("subject");
    out.text("a text longer than eight");
    out.text("a text longer than eight");
    const size_t size_before = out.size();
    out.text("subject");
    CHECK(out.size() - size_before == 1);  // a reference, not the text again

    const std::string bytes = out.take();
    ByteReader in(bytes, 8);
    for (const char* expected :
         {"rule.a", "message one", "fp1", "subject", "rule.a", "fp1", "subject",
          "a text longer than eight", "a text longer than eight", "subject"}) {
      CHECK(in.text() == expected);
    }
    CHECK(in.at_end());
  }

  TEST_CASE("a reference past the table or a length past the end fails the whole read") {
    ByteWriter out;
    out.number(5);  // a reference to a text never written
    const std::string reference_bytes = out.take();
    ByteReader bad_reference(reference_bytes);
    CHECK(bad_reference.text().empty());
    CHECK_FALSE(bad_reference.ok());

    ByteWriter longer;
    longer.number(0);
    longer.number(100);
    longer.raw("short");
    const std::string length_bytes = longer.take();
    ByteReader bad_length(length_bytes);
    CHECK(bad_length.text().empty());
    CHECK_FALSE(bad_length.ok());
  }

  TEST_CASE("the text table gives each text its first number, through many growths") {
    // Texts that share their starts and ends, the empty text, and more texts than any table size
    // before them: each finds the number it was first given, and a text never added finds 0.
    TextTable table;
    std::vector<std::string> texts = {""};
    for (int i = 0; i < 50000; ++i) {
      std::string text = "event_";
      text += std::to_string(i);
      text += ".properties.items.sku";
      texts.push_back(std::move(text));
    }
    for (size_t i = 0; i < texts.size(); ++i)
      REQUIRE(table.find_or_add(texts[i], i + 1) == 0);
    for (size_t i = 0; i < texts.size(); ++i) {
      CHECK(table.find(texts[i]) == i + 1);
      CHECK(table.find_or_add(texts[i], 999999) == i + 1);
    }
    CHECK(table.find("event_50000.properties.items.sku") == 0);
    CHECK(table.find("event_1.properties.items.sk") == 0);
    TextTable reserved;
    reserved.reserve(3);
    CHECK(reserved.find("a") == 0);
    CHECK(reserved.find_or_add("a", 7) == 0);
    CHECK(reserved.find_or_add(std::string("a"), 8) == 7);  // by content, not by place
  }

  TEST_CASE("a repeated text is written as its number, also among many others") {
    std::vector<std::string> texts;  // the writer keeps views: what it encodes must outlive it
    for (int i = 0; i < 5000; ++i)
      texts.push_back(std::string(1, 't') += std::to_string(i));
    ByteWriter out;
    for (int round = 0; round < 2; ++round) {
      for (const auto& text : texts)
        out.text(text);
    }
    const size_t both_rounds = out.size();
    const std::string bytes = out.take();
    ByteReader in(bytes);
    for (int round = 0; round < 2; ++round) {
      for (const auto& text : texts)
        CHECK(in.text() == text);
    }
    CHECK(in.at_end());
    // The second round is numbers only: two bytes each, for 5,000 texts numbered past 127.
    CHECK(both_rounds < 5000 * (2 + 6) + 5000 * 2 + 1);
  }
}
