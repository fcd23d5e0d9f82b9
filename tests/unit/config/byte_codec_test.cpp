// The cache codecs' primitives: numbers, and texts numbered in a table as they first appear, the
// writer and the reader counting alike whether a text was looked up (text) or not (unique_text).
#include "config/byte_codec.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using steward::config::ByteReader;
using steward::config::ByteWriter;

TEST_SUITE("byte codec") {
  TEST_CASE("numbers of every size read back") {
    ByteWriter out;
    const std::vector<uint64_t> numbers = {0, 1, 127, 128, 300, 1u << 31, UINT64_MAX};
    for (uint64_t n : numbers)
      out.number(n);
    ByteReader in(out.out);
    for (uint64_t n : numbers)
      CHECK(in.number() == n);
    CHECK(in.at_end());
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
    const size_t size_before = out.out.size();
    out.text("subject");
    CHECK(out.out.size() - size_before == 1);  // a reference, not the text again

    ByteReader in(out.out, 8);
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
    ByteReader bad_reference(out.out);
    CHECK(bad_reference.text().empty());
    CHECK_FALSE(bad_reference.ok());

    ByteWriter longer;
    longer.number(0);
    longer.number(100);
    longer.out += "short";
    ByteReader bad_length(longer.out);
    CHECK(bad_length.text().empty());
    CHECK_FALSE(bad_length.ok());
  }
}
