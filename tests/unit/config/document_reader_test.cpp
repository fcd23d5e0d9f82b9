#include "config/document_reader.h"

#include <doctest/doctest.h>

#include "read_helpers.h"

using steward::config::kMaxNestingDepth;
using steward::config::Node;
using steward::config::testing::extent;
using steward::config::testing::places;
using steward::config::testing::read;

using Places = std::vector<std::string>;

TEST_SUITE("document_reader") {
  TEST_CASE("spans of keys and of plain, quoted and escaped scalars") {
    auto result = read("events/a.yaml",
                       "kind: event\n"
                       "name: \"checkout \\\" started\"\n"
                       "owner: 'it''s'\n"
                       "count: 42\n");
    REQUIRE(result.diagnostics.empty());
    REQUIRE(result.documents.size() == 1);
    const Node& root = result.documents[0].root;
    REQUIRE(root.entries.size() == 4);
    CHECK(root.entries[0].key.span.file() == "events/a.yaml");
    CHECK(extent(root.entries[0].key.span) == "1:1-1:4");
    CHECK(extent(root.entries[0].value.span) == "1:7-1:11");
    // Quoted: from the opening to the closing quote, escapes included.
    CHECK(root.entries[1].value.text == "checkout \" started");
    CHECK(extent(root.entries[1].value.span) == "2:7-2:27");
    CHECK(root.entries[2].value.text == "it's");
    CHECK(extent(root.entries[2].value.span) == "3:8-3:14");
    CHECK(extent(root.entries[3].key.span) == "4:1-4:5");
    CHECK(extent(root.entries[3].value.span) == "4:8-4:9");
    // A mapping spans from its first key to the end of its last value.
    CHECK(extent(root.span) == "1:1-4:9");
  }

  TEST_CASE("spans in flow collections") {
    auto result = read("a.yaml", "sources: [web, \"ios\", {name: android}]\n");
    REQUIRE(result.diagnostics.empty());
    const Node& list = *result.documents[0].root.find("sources");
    REQUIRE(list.items.size() == 3);
    // A collection ends where its last child ends.
    CHECK(extent(list.span) == "1:10-1:36");
    CHECK(extent(list.items[0].span) == "1:11-1:13");
    CHECK(extent(list.items[1].span) == "1:16-1:20");
    const Node& map = list.items[2];
    CHECK(extent(map.span) == "1:23-1:36");
    CHECK(extent(map.entries[0].key.span) == "1:24-1:27");
    CHECK(extent(map.entries[0].value.span) == "1:30-1:36");
  }

  TEST_CASE("spans in block collections, nested") {
    auto result = read("a.yaml",
                       "properties:\n"
                       "  items:\n"
                       "    - sku: A1\n"
                       "      qty: 2\n"
                       "    - plain\n");
    REQUIRE(result.diagnostics.empty());
    const Node& items = *result.documents[0].root.find("properties")->find("items");
    CHECK(items.is_sequence());
    CHECK(extent(items.span) == "3:5-5:11");
    REQUIRE(items.items.size() == 2);
    const Node& first = items.items[0];
    CHECK(first.is_mapping());
    CHECK(extent(first.span) == "3:7-4:12");
    CHECK(extent(first.entries[1].key.span) == "4:7-4:9");
    CHECK(extent(first.entries[1].value.span) == "4:12-4:12");
    CHECK(extent(items.items[1].span) == "5:7-5:11");
  }

  TEST_CASE("an empty value is placed at its key, not at the next line") {
    auto result = read("a.yaml",
                       "owner:\n"
                       "# a comment\n"
                       "\n"
                       "sources:\n"
                       "  -\n"
                       "  - web\n"
                       "  -   # nothing\n"
                       "last:\n");
    REQUIRE(result.diagnostics.empty());
    const Node& root = result.documents[0].root;
    const Node& owner = *root.find("owner");
    CHECK(owner.is_null());
    CHECK(extent(owner.span) == "1:1-1:5");
    const Node& sources = *root.find("sources");
    REQUIRE(sources.items.size() == 3);
    CHECK(sources.items[0].is_null());
    CHECK(extent(sources.items[0].span) == "5:3-5:3");
    CHECK(extent(sources.items[1].span) == "6:5-6:7");
    CHECK(sources.items[2].is_null());
    CHECK(extent(sources.items[2].span) == "7:3-7:3");
    CHECK(extent(root.find("last")->span) == "8:1-8:4");
    CHECK(extent(root.span) == "1:1-8:4");
    // A written null keeps its own place.
    auto written = read("a.yaml", "a: ~\nb: null\n");
    CHECK(extent(written.documents[0].root.find("a")->span) == "1:4-1:4");
    CHECK(extent(written.documents[0].root.find("b")->span) == "2:4-2:4");
    // In a flow mapping too, an empty value is placed at its key (not at the ',' after it).
    auto flow = read("a.yaml", "m: {a: , b}\n");
    CHECK(extent(flow.documents[0].root.find("m")->find("a")->span) == "1:5-1:5");
    CHECK(extent(flow.documents[0].root.find("m")->find("b")->span) == "1:10-1:10");
  }

  TEST_CASE("a block scalar spans its indicator") {
    auto result = read("a.yaml", "description: |\n  one\n  two\nname: x\n");
    REQUIRE(result.diagnostics.empty());
    const Node& description = *result.documents[0].root.find("description");
    CHECK(description.text == "one\ntwo\n");
    CHECK(description.is_string());
    CHECK(extent(description.span) == "1:14-1:14");
  }

  TEST_CASE("several documents: each with its index and its own lines") {
    auto result = read("a.yaml",
                       "kind: source\n"
                       "name: web\n"
                       "---\n"
                       "kind: source\n"
                       "name: ios\n"
                       "---\n"
                       "# only a comment\n"
                       "---\n"
                       "kind: team\n");
    REQUIRE(result.diagnostics.empty());
    REQUIRE(result.documents.size() == 4);
    CHECK(result.documents[0].index == 0);
    CHECK(result.documents[1].index == 1);
    CHECK(result.documents[1].root.find("name")->text == "ios");
    CHECK(extent(result.documents[1].root.find("name")->span) == "5:7-5:9");
    CHECK(result.documents[2].root.is_null());
    CHECK(result.documents[3].index == 3);
    CHECK(result.documents[3].root.span.line == 9);
    for (const auto& document : result.documents) {
      CHECK(document.source->path() == "a.yaml");
      CHECK(document.root.span.valid());
    }
  }

  TEST_CASE("empty files and comment-only files hold no documents") {
    CHECK(read("a.yaml", "").documents.empty());
    CHECK(read("a.yaml", "# nothing here\n").documents.empty());
    CHECK(read("a.yaml", "").diagnostics.empty());
    auto trailing = read("a.yaml", "kind: team\n---\n");
    REQUIRE(trailing.documents.size() == 2);
    CHECK(trailing.documents[1].root.is_null());
  }

  TEST_CASE("JSON files keep their line numbers") {
    auto result = read("schemas/e.json",
                       "{\n"
                       "  \"kind\": \"event\",\n"
                       "  \"count\": 12,\n"
                       "  \"sources\": [\"web\",\n"
                       "    \"ios\"],\n"
                       "  \"nested\": {\"a\": null}\n"
                       "}\n");
    REQUIRE(result.diagnostics.empty());
    REQUIRE(result.documents.size() == 1);
    const Node& root = result.documents[0].root;
    CHECK(extent(root.entries[0].key.span) == "2:3-2:8");
    CHECK(extent(root.find("kind")->span) == "2:11-2:17");
    CHECK(root.find("kind")->text == "event");
    const Node& count = *root.find("count");
    CHECK(count.as_integer() == 12);
    CHECK(extent(count.span) == "3:12-3:13");
    const Node& sources = *root.find("sources");
    CHECK(extent(sources.items[1].span) == "5:5-5:9");
    CHECK(root.find("nested")->find("a")->is_null());
    CHECK(extent(root.find("nested")->find("a")->span) == "6:19-6:19");
  }

  TEST_CASE("JSON indented with tabs and with JSON escapes reads as JSON") {
    auto result = read("a.json", "{\n\t\"a\": \"x\\/y\\u00e9\",\n\t\"b\": [true, false]\n}\n");
    REQUIRE(result.diagnostics.empty());
    const Node& root = result.documents[0].root;
    CHECK(root.find("a")->text == "x/y\xc3\xa9");
    CHECK(root.find("b")->items[0].as_bool() == true);
    CHECK(extent(root.find("b")->span) == "3:7-3:18");
  }

  TEST_CASE("strict JSON: errors are syntax.json where the parser stops") {
    // A trailing comma in an array: at the closing bracket.
    CHECK(places(read("a.json", "{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}\n").diagnostics) ==
          Places{"syntax.json@3:14"});
    // A trailing comma in an object: at the closing brace, on its own line.
    CHECK(places(read("a.json", "{\n  \"a\": 1,\n  \"b\": 2,\n}\n").diagnostics) ==
          Places{"syntax.json@4:1"});
    // A missing comma: at the next key.
    CHECK(places(read("a.json", "{\n  \"a\": 1\n  \"b\": 2\n}\n").diagnostics) ==
          Places{"syntax.json@3:3"});
    // An unquoted key: at the key.
    CHECK(places(read("a.json", "{\n  a: 1\n}\n").diagnostics) == Places{"syntax.json@2:3"});
    // Text after the value, a bad literal, an unclosed array, a missing colon.
    CHECK(places(read("a.json", "{\"a\": 1} x").diagnostics) == Places{"syntax.json@1:10"});
    CHECK(places(read("a.json", "[true fals]").diagnostics) == Places{"syntax.json@1:11"});
    CHECK(places(read("a.json", "[1, 2").diagnostics) == Places{"syntax.json@1:6"});
    CHECK(places(read("a.json", "{\"a\" 1}").diagnostics) == Places{"syntax.json@1:6"});
    // A string after a string with an escaped quote: at the second string's opening quote.
    CHECK(places(read("a.json", "[\"a\\\"b\" \"c\"]").diagnostics) == Places{"syntax.json@1:9"});
    // YAML comments are not JSON.
    CHECK(places(read("a.json", "{\"a\": 1}\n# c\n").diagnostics) == Places{"syntax.json@2:1"});
    // An empty file is not JSON (it is an empty YAML file).
    CHECK(places(read("a.json", "").diagnostics) == Places{"syntax.json@1:1"});
  }

  TEST_CASE("strict JSON: the message says what is wrong, without nlohmann's internals") {
    auto result = read("a.json", "{\n  a: 1\n}\n");
    REQUIRE(result.diagnostics.size() == 1);
    const auto& d = result.diagnostics[0];
    CHECK(d.message == "invalid JSON: object key - invalid literal; expected string literal");
    CHECK(d.span.file() == "a.json");
    CHECK_FALSE(d.help->empty());
    CHECK(result.documents.empty());
  }

  TEST_CASE("YAML errors are syntax.yaml where the parser stops, and nothing is read") {
    auto result = read("a.yaml", "kind: event\ndescription: A: B\n");
    CHECK(places(result.diagnostics) == Places{"syntax.yaml@2:15"});
    CHECK(result.documents.empty());
    CHECK(result.diagnostics[0].message.starts_with("invalid YAML: "));
    CHECK(places(read("a.yaml", "a: [1, 2\nb: 3\n").diagnostics).size() == 1);
    CHECK(read("a.yaml", "a: [1, 2\nb: 3\n").diagnostics[0].rule == "syntax.yaml");
    // A .yml file is YAML too: lenient where JSON is strict.
    CHECK(read("a.yml", "{\"a\": 1,}").diagnostics.empty());
  }

  TEST_CASE("a ',' at the top level of a document is syntax.yaml, not an endless read") {
    // yaml-cpp's LoadAll would read empty documents at such a ',' until memory runs out.
    CHECK(places(read("a.yaml", ",").diagnostics) == Places{"syntax.yaml@1:1"});
    CHECK(places(read("a.yaml", "[a] ,\n").diagnostics) == Places{"syntax.yaml@1:5"});
    CHECK(places(read("a.yaml", "kind: team\n---\n,\n").diagnostics) == Places{"syntax.yaml@3:1"});
    CHECK(read("a.yaml", ",").documents.empty());
    // A ',' inside a mapping is an ordinary syntax error; one inside a plain value is text.
    CHECK(places(read("a.yaml", "a: 1\n,\n").diagnostics) == Places{"syntax.yaml@2:1"});
    CHECK(places(read("a.yaml", "a: x , y\nb: 'q' ,z\n").diagnostics) == Places{"syntax.yaml@2:8"});
    CHECK(read("a.yaml", "a: x , y\n").documents[0].root.find("a")->text == "x , y");
  }

  TEST_CASE("a repeated key is schema.duplicate-key at the second one") {
    auto result = read("a.yaml",
                       "properties:\n"
                       "  email: {type: string}\n"
                       "  total: {type: number}\n"
                       "  email: {type: string}\n");
    CHECK(places(result.diagnostics) == Places{"schema.duplicate-key@4:3"});
    CHECK(result.diagnostics[0].suggestion == "first defined at line 2");
    CHECK(result.documents.size() == 1);  // the file is still read
    auto json = read("a.json", "{\"a\": 1,\n \"a\": 2}");
    CHECK(places(json.diagnostics) == Places{"schema.duplicate-key@2:2"});
    // Equal keys in different mappings are fine.
    CHECK(read("a.yaml", "a: {x: 1}\nb: {x: 1}\n").diagnostics.empty());
  }

  TEST_CASE("deep flow nesting is syntax.too-deep at the first bracket too deep") {
    const std::string deep(200, '[');
    const std::string close(200, ']');
    auto result = read("a.yaml", "x-generated: " + deep + "0" + close + "\n");
    // The mapping is level 0, the first bracket (column 14) level 1, so level 129 is column 142.
    CHECK(places(result.diagnostics) == Places{"syntax.too-deep@1:142"});
    CHECK(result.documents.empty());
    // Exactly the limit is fine: 128 lists, or 127 with a value in the innermost.
    const std::string limit(kMaxNestingDepth, '[');
    const std::string limit_close(kMaxNestingDepth, ']');
    auto ok = read("a.yaml", "x: " + limit + limit_close + "\n");
    CHECK(ok.diagnostics.empty());
    CHECK(ok.documents.size() == 1);
    auto with_value = read("a.yaml", "x: " + limit.substr(1) + "0" + limit_close.substr(1) + "\n");
    CHECK(with_value.diagnostics.empty());
    // A value inside the 128th list is level 129.
    CHECK(places(read("a.yaml", "x: " + limit + "0" + limit_close + "\n").diagnostics) ==
          Places{"syntax.too-deep@1:132"});
    // Brackets in quotes and comments do not count; an apostrophe in a plain word does not hide
    // those after it.
    CHECK(read("a.yaml", "a: \"" + deep + "\"\nb: '" + deep + "'\n# " + deep + "\n")
              .diagnostics.empty());
    CHECK(places(read("a.yaml", "a: don't\nb: " + deep + close + "\n").diagnostics) ==
          Places{"syntax.too-deep@2:132"});
    CHECK(places(read("a.yaml", "a: x#y\nb: " + deep + close + "\n").diagnostics) ==
          Places{"syntax.too-deep@2:132"});
  }

  TEST_CASE("deep block nesting is syntax.too-deep") {
    std::string text = "x:\n";
    for (int level = 0; level < 200; ++level)
      text += std::string(level + 2, ' ') + "a:\n";
    auto result = read("a.yaml", text);
    // The mapping on line L is level L - 1 (the root is level 0, x's mapping level 1) and its key
    // level L, so the key on line 129 is the first node deeper than 128.
    CHECK(places(result.diagnostics) == Places{"syntax.too-deep@129:130"});
    CHECK(result.documents.empty());

    std::string sequences = "x:\n  ";
    for (int level = 0; level < 10000; ++level)
      sequences += "- ";
    sequences += "a\n";
    auto very_deep = read("a.yaml", sequences);
    REQUIRE(very_deep.diagnostics.size() == 1);
    CHECK(very_deep.diagnostics[0].rule == "syntax.too-deep");
    CHECK(very_deep.diagnostics[0].span.line == 2);
    CHECK(very_deep.documents.empty());
  }

  TEST_CASE("deep JSON nesting is syntax.too-deep at the first bracket too deep") {
    const std::string deep(200, '[');
    const std::string close(200, ']');
    auto result = read("a.json", "{\"x\": \"[[[\",\n \"a\": " + deep + close + "}\n");
    // The object is level 1, so level 129 is the 128th bracket: column 6 + 128.
    CHECK(places(result.diagnostics) == Places{"syntax.too-deep@2:134"});
    CHECK(result.documents.empty());
    std::string objects;
    for (int i = 0; i < 10000; ++i)
      objects += "{\"a\":";
    objects += "1" + std::string(10000, '}');
    CHECK(places(read("a.json", objects).diagnostics) == Places{"syntax.too-deep@1:641"});
  }

  TEST_CASE("aliases are expanded; an alias bomb is refused, not expanded") {
    auto ok = read("a.yaml", "base: &b {type: string, pii: none}\ncopy: *b\n");
    REQUIRE(ok.diagnostics.empty());
    const Node& copy = *ok.documents[0].root.find("copy");
    CHECK(copy.is_mapping());
    CHECK(copy.find("type")->text == "string");

    std::string bomb =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    std::string previous = "a";
    for (std::string name : {"b", "c", "d", "e", "f", "g", "h", "i"}) {
      bomb += name + ": &" + name + " [";
      for (int i = 0; i < 9; ++i)
        bomb += (i ? ",*" : "*") + previous;
      bomb += "]\n";
      previous = name;
    }
    auto refused = read("a.yaml", bomb);
    REQUIRE(refused.diagnostics.size() == 1);
    CHECK(refused.diagnostics[0].rule == "syntax.yaml");
    CHECK(refused.diagnostics[0].message.find("alias") != std::string::npos);
    CHECK(refused.documents.empty());
  }

  TEST_CASE("a self-referencing alias is cut at the nesting limit") {
    auto result = read("a.yaml", "x: &a [*a, *a]\n");
    CHECK(places(result.diagnostics) == Places{"syntax.too-deep@1:4"});
    CHECK(result.documents.empty());
  }
}
