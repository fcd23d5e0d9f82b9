#include "config/document_codec.h"

#include <doctest/doctest.h>

#include <cstdint>

#include "read_helpers.h"

using steward::config::decode_read_result;
using steward::config::encode_read_result;
using steward::config::Node;
using steward::config::ReadResult;
using steward::config::testing::extent;

namespace {

// Everything a node holds, spans included, as text: two reads are equal when these are.
std::string dump(const Node& node) {
  std::string out = std::to_string(static_cast<int>(node.kind)) + (node.quoted ? "q" : "") + "@" +
                    extent(node.span) + (node.span.valid() ? "" : "!") + "'" +
                    std::string(node.text) + "'";
  // Appended piece by piece: GCC 12 at -O3 takes `"[" + dump(...)` for an overflowing copy.
  for (const Node& item : node.items)
    out.append("[").append(dump(item)).append("]");
  for (const auto& entry : node.entries)
    out.append("{").append(dump(entry.key)).append(":").append(dump(entry.value)).append("}");
  return out;
}

std::string dump(const ReadResult& result) {
  std::string out;
  for (const auto& document : result.documents) {
    out += std::to_string(document.index) + " " + document.source->path() + " " +
           dump(document.root) + "\n";
  }
  for (const auto& d : result.diagnostics) {
    out += d.rule + "|" + std::to_string(static_cast<int>(d.severity)) + "|" + d.message + "|" +
           extent(d.span) + "|" + d.span.file() + "|" + extent(d.base_span) + "|" + *d.help + "|" +
           d.suggestion + "|" + d.subject + "\n";
  }
  return out;
}

const char* const kSample =
    "kind: event\n"
    "name: \"checkout started\"\n"
    "sources: [web, ios]\n"
    "owner:\n"
    "properties:\n"
    "  email: {type: string, pii: true}\n"
    "  email: {type: string}\n"
    "---\n"
    "description: |\n"
    "  two\n"
    "  lines\n";

}  // namespace

TEST_SUITE("document_codec") {
  TEST_CASE("a read round-trips, spans re-attached to the source given") {
    ReadResult original = steward::config::testing::read("plan/a.yaml", kSample);
    REQUIRE(original.documents.size() == 2);
    REQUIRE(original.diagnostics.size() == 1);  // the duplicate key
    const std::string bytes = encode_read_result(original);
    auto decoded = decode_read_result(bytes, original.source);
    REQUIRE(decoded);
    CHECK(dump(*decoded) == dump(original));
    CHECK(decoded->source == original.source);
    CHECK(decoded->documents[1].root.find("description")->span.source == original.source.get());
    // Smaller than the tree it stands for.
    CHECK(bytes.size() < 2 * std::string(kSample).size() + 200);
  }

  TEST_CASE("texts as written are places in the file; others are in the bytes; none dangles") {
    ReadResult original = steward::config::testing::read("plan/a.yaml", kSample);
    const std::string bytes = encode_read_result(original);
    auto decoded = decode_read_result(bytes, original.source);
    REQUIRE(decoded);
    const std::string& file = original.source->text();
    auto in_file = [&](std::string_view text) {
      return text.data() >= file.data() && text.data() + text.size() <= file.data() + file.size();
    };
    const Node& event = decoded->documents[0].root;
    CHECK(event.find("name")->text == "checkout started");
    CHECK(in_file(event.find("name")->text));
    CHECK(in_file(event.entries[0].key.text));
    const Node* description = decoded->documents[1].root.find("description");
    CHECK(description->text == "two\nlines\n");  // a block scalar: not as written
    CHECK_FALSE(in_file(description->text));
    // The same bytes against a shorter file: a place past its end is refused, not read.
    auto shorter = steward::make_source("plan/a.yaml", std::string(file, 0, file.size() / 2));
    CHECK_FALSE(decode_read_result(bytes, shorter));
  }

  TEST_CASE("a syntax error and an empty file round-trip") {
    for (const char* text : {"a: [1, 2\n", "", "# only a comment\n"}) {
      ReadResult original = steward::config::testing::read("a.yaml", text);
      auto decoded = decode_read_result(encode_read_result(original), original.source);
      REQUIRE(decoded);
      CHECK(dump(*decoded) == dump(original));
    }
  }

  TEST_CASE("every truncation is refused") {
    ReadResult original = steward::config::testing::read("a.yaml", kSample);
    const std::string bytes = encode_read_result(original);
    for (size_t length = 0; length < bytes.size(); ++length) {
      CHECK_MESSAGE(!decode_read_result(bytes.substr(0, length), original.source),
                    "prefix of " << length << " bytes accepted");
    }
    // Bytes after the end are refused too.
    CHECK(!decode_read_result(bytes + "x", original.source));
  }

  TEST_CASE("foreign bytes, another version and random garbage are refused, never trusted") {
    ReadResult original = steward::config::testing::read("a.yaml", kSample);
    const std::string bytes = encode_read_result(original);
    CHECK(!decode_read_result("", original.source));
    CHECK(!decode_read_result("{\"kind\": \"event\"}", original.source));
    std::string other_version = bytes;
    other_version[6] = static_cast<char>(other_version[6] + 1);  // the version follows the magic
    CHECK(!decode_read_result(other_version, original.source));
    // A count far beyond the input: refused before anything is reserved.
    CHECK(!decode_read_result(std::string("STWDOC\x01\xff\xff\xff\xff\x0f", 11), original.source));
    // Random bytes after a valid header: nothing crashes, and nearly all is refused.
    uint64_t state = 42;
    int accepted = 0;
    for (int round = 0; round < 2000; ++round) {
      std::string garbage = "STWDOC\x01";
      const size_t length = 1 + round % 64;
      for (size_t i = 0; i < length; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        garbage.push_back(static_cast<char>(state >> 56));
      }
      if (decode_read_result(garbage, original.source)) ++accepted;
    }
    CHECK(accepted < 20);
    // Flipped bytes of a valid encoding: decoded or refused, never a crash.
    for (size_t i = 0; i < bytes.size(); ++i) {
      std::string flipped = bytes;
      flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
      auto decoded = decode_read_result(flipped, original.source);
      if (decoded) CHECK(decoded->source == original.source);
    }
  }
}
