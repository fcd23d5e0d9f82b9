// A document's nodes are views into its arena and its file: what they point at must last as long
// as any copy of the document, and every text must read as the scalar it was written as.
#include "config/node_arena.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "read_helpers.h"

using steward::config::Document;
using steward::config::MapEntry;
using steward::config::Node;
using steward::config::NodeArena;
using steward::config::NodeList;
using steward::config::testing::read;

namespace {

bool inside(std::string_view part, const std::string& whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

}  // namespace

TEST_SUITE("node arena") {
  TEST_CASE("what it hands out stays put as it grows by blocks, large requests included") {
    NodeArena arena;
    std::vector<std::pair<Node*, size_t>> lists;
    std::vector<std::string_view> texts;
    for (size_t i = 0; i < 2000; ++i) {
      const size_t count = i % 7 == 0 ? 5000 : i % 13;  // some larger than any block
      Node* nodes = arena.nodes(count);
      for (size_t n = 0; n < count; ++n)
        nodes[n].span.line = static_cast<uint32_t>(i);
      lists.emplace_back(nodes, count);
      texts.push_back(arena.text(std::string(i % 50, static_cast<char>('a' + i % 26))));
    }
    size_t moved = 0;
    for (size_t i = 0; i < lists.size(); ++i) {
      const auto [nodes, count] = lists[i];
      for (size_t n = 0; n < count; ++n)
        moved += nodes[n].span.line == i ? 0 : 1;
      moved += texts[i] == std::string(i % 50, static_cast<char>('a' + i % 26)) ? 0 : 1;
    }
    CHECK(moved == 0);
    CHECK(arena.allocated_bytes() >= 2000 / 7 * 5000 * sizeof(Node));
    CHECK(arena.nodes(0) == nullptr);
    CHECK(arena.text("").empty());
  }

  TEST_CASE(
      "a plain or quoted scalar reads from the file; an escaped or folded one from the arena") {
    auto result = read("t.yaml",
                       "plain: some words\n"
                       "quoted: \"as written\"\n"
                       "escaped: \"tab\\there\"\n"
                       "folded: >\n  two\n  lines\n"
                       "over: two\n  lines\n");
    REQUIRE(result.diagnostics.empty());
    const Node& root = result.documents[0].root;
    const std::string& file = result.source->text();
    CHECK(root.find("plain")->text == "some words");
    CHECK(inside(root.find("plain")->text, file));
    CHECK(root.find("quoted")->text == "as written");
    CHECK(inside(root.find("quoted")->text, file));
    CHECK(root.find("escaped")->text == "tab\there");
    CHECK_FALSE(inside(root.find("escaped")->text, file));
    CHECK(root.find("folded")->text == "two lines\n");
    CHECK_FALSE(inside(root.find("folded")->text, file));
    CHECK(root.find("over")->text == "two lines");
    CHECK(root.entries[0].key.text == "plain");
    CHECK(inside(root.entries[0].key.text, file));
  }

  TEST_CASE("a copy of a document keeps its nodes and its file after the read is gone") {
    std::optional<Document> kept;
    {
      auto result = read("t.yaml", "a: &x {b: [1, \"two\\n\"]}\nc: *x\n");
      REQUIRE(result.diagnostics.empty());
      kept = result.documents[0];
    }
    const Node* c = kept->root.find("c");
    REQUIRE(c != nullptr);
    REQUIRE(c->find("b") != nullptr);
    REQUIRE(c->find("b")->items.size() == 2);
    CHECK(c->find("b")->items[1].text == "two\n");
    CHECK(c->find("b")->items[0].span.file() == "t.yaml");
    // An alias shares its anchor's children: nothing is copied.
    CHECK(c->entries.begin() == kept->root.find("a")->entries.begin());
  }

  TEST_CASE("an arena keeps another whose nodes it shares") {
    auto first = std::make_shared<NodeArena>();
    MapEntry* entries = first->entries(1);
    entries[0].key.text = first->text("k");
    auto second = std::make_shared<NodeArena>();
    second->keep(std::shared_ptr<const NodeArena>(first));
    std::weak_ptr<NodeArena> watch = first;
    first.reset();
    CHECK_FALSE(watch.expired());
    Node* node = second->nodes(1);
    node->entries = NodeList<MapEntry>(entries, 1);
    CHECK(node->find("k") != nullptr);
    second.reset();
    CHECK(watch.expired());
  }
}
