// The reader on input that used to mislead it (issue 10): a byte-order mark, bytes that are not
// UTF-8, merge conflict markers, unclosed brackets and quotes, many keys, files beyond the limits.
#include <doctest/doctest.h>

#include <ctime>

#include "config/document_reader.h"
#include "read_helpers.h"

using steward::config::kMaxFileBytes;
using steward::config::kMaxNodesPerFile;
using steward::config::kMaxScalarBytes;
using steward::config::Node;
using steward::config::testing::extent;
using steward::config::testing::places;
using steward::config::testing::read;

using Places = std::vector<std::string>;

TEST_SUITE("document_reader on hostile input") {
  TEST_CASE("a byte-order mark does not shift the columns of line 1") {
    auto with_bom = read("a.yaml", "\xEF\xBB\xBFkind: evnt\nname: x\n");
    auto without = read("a.yaml", "kind: evnt\nname: x\n");
    REQUIRE(with_bom.diagnostics.empty());
    const Node& root = with_bom.documents[0].root;
    CHECK(extent(root.find("kind")->span) == "1:7-1:10");
    CHECK(extent(root.entries[0].key.span) == "1:1-1:4");
    CHECK(extent(root.find("name")->span) == "2:7-2:7");
    CHECK(extent(root.find("kind")->span) == extent(without.documents[0].root.find("kind")->span));
    // Code frames and SARIF's character columns measure on the line without the mark.
    CHECK(with_bom.source->line(1) == "kind: evnt");
    // JSON too.
    auto json = read("a.json", "\xEF\xBB\xBF{\"a\": 1}");
    if (json.diagnostics.empty()) {
      CHECK(extent(json.documents[0].root.find("a")->span) == "1:7-1:7");
    }
  }

  TEST_CASE("columns count bytes after characters of several bytes") {
    auto result = read("a.yaml", "k\xC3\xA9y: \xC3\xA9vnt\nname: x\n");
    REQUIRE(result.diagnostics.empty());
    const Node& root = result.documents[0].root;
    CHECK(extent(root.entries[0].key.span) == "1:1-1:4");  // the é takes bytes 2 and 3
    CHECK(extent(root.entries[0].value.span) == "1:7-1:11");
    CHECK(extent(root.find("name")->span) == "2:7-2:7");
  }

  TEST_CASE("bytes that are not UTF-8 are syntax.yaml at their place") {
    auto result = read("a.yaml", "kind: event\ndescription: detail \xFF\xFE\xC3 page\n");
    CHECK(places(result.diagnostics) == Places{"syntax.yaml@2:21"});
    CHECK(result.diagnostics[0].message.find("UTF-8") != std::string::npos);
    CHECK(result.documents.empty());
    // UTF-16, which libyaml would decode, is refused at its byte-order mark.
    CHECK(places(read("a.yaml", std::string("\xFF\xFEk\0:\0 \0x\0", 10)).diagnostics) ==
          Places{"syntax.yaml@1:1"});
  }

  TEST_CASE("a merge conflict marker is named at its line") {
    auto result = read("a.yaml",
                       "kind: event\n"
                       "<<<<<<< HEAD\n"
                       "name: a\n"
                       "=======\n"
                       "name: b\n"
                       ">>>>>>> feature\n");
    CHECK(places(result.diagnostics) == Places{"syntax.yaml@2:1"});
    CHECK(result.diagnostics[0].message == "unresolved merge conflict marker '<<<<<<<'");
    CHECK(result.documents.empty());
    // The separator alone, in JSON.
    CHECK(places(read("a.json", "{\"a\": 1,\n=======\n\"a\": 2}\n").diagnostics) ==
          Places{"syntax.json@2:1"});
    // Not a marker: indented, or a longer run (a Markdown heading in a block scalar).
    CHECK(read("a.yaml", "description: |\n  Title\n  =======\n").diagnostics.empty());
  }

  TEST_CASE("an unclosed bracket or quote is reported where it opened") {
    auto list = read("a.yaml", "kind: event\nsources: [web, ios\nowner: x\n");
    REQUIRE(list.diagnostics.size() == 1);
    CHECK(places(list.diagnostics) == Places{"syntax.yaml@2:10"});
    CHECK(list.diagnostics[0].message.starts_with(
        "invalid YAML: unclosed flow sequence ('[') opened at 2:10"));
    CHECK(places(read("a.yaml", "a: {b: 1,\n  c: 2\n").diagnostics) == Places{"syntax.yaml@1:4"});
    auto quote = read("a.yaml", "a: 1\nb: \"abc\nc: 2\n");
    CHECK(places(quote.diagnostics) == Places{"syntax.yaml@2:4"});
    CHECK(quote.diagnostics[0].message.find("unclosed quoted string") != std::string::npos);
  }

  TEST_CASE("many keys in one mapping read in linear time") {
    std::string text = "x-notes:\n";
    const int keys = 150000;
    for (int i = 0; i < keys; ++i)
      text += "  k" + std::to_string(i) + ": 1\n";
    text += "  k77: 2\n";  // a duplicate, found among them all
    // CPU time, not wall time: the test must not depend on how busy the machine is.
    const std::clock_t start = std::clock();
    auto result = read("a.yaml", text);
    const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    CHECK(places(result.diagnostics) == Places{"schema.duplicate-key@150002:3"});
    CHECK(result.diagnostics[0].suggestion == "first defined at line 79");
    CHECK(result.documents[0].root.find("x-notes")->entries.size() == keys + 1);
    // The quadratic check took 39 s here (a release build); reading takes about a second of CPU
    // with sanitizers.
    CHECK(seconds < 10);
  }

  TEST_CASE("a file larger than the limit is syntax.too-large, not read") {
    std::string text = "kind: event\ndescription: " + std::string(kMaxFileBytes, 'y') + "\n";
    auto result = read("a.yaml", text);
    CHECK(places(result.diagnostics) == Places{"syntax.too-large@1:1"});
    CHECK(result.diagnostics[0].message.find("64 MiB") != std::string::npos);
    CHECK(result.documents.empty());
  }

  TEST_CASE("a scalar longer than the limit is syntax.too-large at the scalar") {
    auto result =
        read("a.yaml", "kind: event\ndescription: " + std::string(kMaxScalarBytes + 1, 'y'));
    CHECK(places(result.diagnostics) == Places{"syntax.too-large@2:14"});
    CHECK(result.documents.empty());
    CHECK(read("a.yaml", "d: " + std::string(kMaxScalarBytes, 'y')).diagnostics.empty());
  }

  TEST_CASE("a file with more nodes than the limit is syntax.too-large") {
    // A list of kMaxNodesPerFile numbers is one node too many with the list itself.
    std::string text = "[0";
    text.reserve(2 * kMaxNodesPerFile + 2);
    for (size_t i = 1; i < kMaxNodesPerFile; ++i)
      text += ",0";
    text += "]\n";
    auto result = read("a.json", text);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].rule == "syntax.too-large");
    CHECK(result.diagnostics[0].message.find(std::to_string(kMaxNodesPerFile)) !=
          std::string::npos);
    CHECK(result.diagnostics[0].span.line == 1);
    CHECK(result.documents.empty());
  }
}
