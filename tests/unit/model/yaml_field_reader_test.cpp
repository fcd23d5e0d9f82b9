#include "model/yaml_field_reader.h"

#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <vector>

#include "config/document_reader.h"
#include "config/node_arena.h"
#include "model/model_field_reader.h"
#include "model/property_reader.h"
#include "source/source_file.h"

using namespace steward;
using namespace steward::model;
using Strings = std::vector<std::string>;

namespace {

// Nodes are views into their read or their arena: these last the whole run.
config::NodeArena& arena() {
  static config::NodeArena nodes;
  return nodes;
}

config::Node parse(const std::string& text) {
  static std::deque<config::ReadResult> reads;
  reads.push_back(config::read_documents(make_source("t.yaml", text)));
  REQUIRE(reads.back().documents.size() == 1);
  return reads.back().documents[0].root;
}

config::Node scalar(const std::string& text) {
  config::Node node;
  node.kind = config::Node::Kind::scalar;
  node.text = arena().text(text);
  return node;
}

// A mapping of `keys`, each key's value its own text with the position as suffix ("a#0").
config::Node mapping_of(const Strings& keys) {
  config::Node node;
  node.kind = config::Node::Kind::mapping;
  config::MapEntry* entries = arena().entries(keys.size());
  for (size_t i = 0; i < keys.size(); ++i)
    entries[i] = {scalar(keys[i]), scalar(keys[i] + "#" + std::to_string(i))};
  node.entries = config::NodeList<config::MapEntry>(entries, keys.size());
  return node;
}

Strings messages(const Diagnostics& diagnostics) {
  Strings out;
  for (const auto& d : diagnostics)
    out.push_back(d.rule + ": " + d.message + (d.suggestion.empty() ? "" : " / " + d.suggestion));
  return out;
}

}  // namespace

TEST_SUITE("yaml field reader") {
  TEST_CASE("KnownKeys finds each key's position, the first of a key listed twice, nothing else") {
    const Strings keys = property_keys();
    KnownKeys known(keys);
    CHECK(known.size() == keys.size());
    for (size_t i = 0; i < keys.size(); ++i)
      CHECK(known.index(keys[i]) == static_cast<int>(i));
    for (const char* other : {"", "x", "typ", "types", "Type", "minimumm", "maximun", "metadata"})
      CHECK(known.index(other) == -1);
    KnownKeys twice({"a", "b", "a"});
    CHECK(twice.index("a") == 0);
    CHECK(twice.index("b") == 1);
    CHECK(twice.index("") == -1);
    KnownKeys empty_key({"", "a"});
    CHECK(empty_key.index("") == 0);
  }

  TEST_CASE("get finds what config::Node::find finds, for written and absent keys alike") {
    // Keys alike in length and first and last characters, so some share a bit of the mask.
    const Strings written = {"minimum",           "max_length", "a", "",   "pii",
                             "exclusive_minimum", "x-own",      "a", "ab", "ba"};
    const config::Node mapping = mapping_of(written);
    Diagnostics diagnostics;
    static const KnownKeys known(written);
    YamlFieldReader reader(mapping, What{"thing"}, known, diagnostics);
    Strings asked = written;
    for (const char* absent : {"maximum", "min_length", "b", "aa", "pia", "exclusive_maximum",
                               "x-other", "abc", "bb", "metadata", "type", "enum", "required"})
      asked.push_back(absent);
    for (const auto& key : asked) {
      CAPTURE(key);
      CHECK(reader.get(key) == mapping.find(key));
    }
    REQUIRE(reader.get("a") != nullptr);
    CHECK(reader.get("a")->text == "a#2");  // the first of a key written twice
    CHECK(diagnostics.empty());
  }

  TEST_CASE("get on a value that is not a mapping finds nothing") {
    const config::Node value = scalar("text");
    Diagnostics diagnostics;
    static const KnownKeys known({"a"});
    YamlFieldReader reader(value, What{"property '", "a.b", "'"}, known, diagnostics);
    CHECK_FALSE(reader.is_mapping());
    CHECK(reader.get("a") == nullptr);
    CHECK(reader.get("text") == nullptr);
    CHECK(messages(diagnostics) ==
          Strings{"schema.wrong-type: property 'a.b' must be a mapping, not a string"});
  }

  TEST_CASE("both constructors report unknown keys alike, in order, naming the mapping") {
    const config::Node mapping = parse(
        "typ: string\n"
        "x-team: mine\n"
        "metadata: {a: 1}\n"
        "pii: none\n"
        "requird: true\n");
    const Strings expected = {
        "schema.unknown-key: unknown key 'typ' in property 'order.total' / did you mean 'type'?",
        "schema.unknown-key: unknown key 'requird' in property 'order.total' / did you mean "
        "'required'?"};
    Diagnostics by_table;
    static const KnownKeys known(property_keys());
    YamlFieldReader fast(mapping, What{"property '", "order.total", "'"}, known, by_table);
    CHECK(messages(by_table) == expected);
    Diagnostics by_list;
    YamlFieldReader listed(mapping, "property 'order.total'", property_keys(), by_list);
    CHECK(messages(by_list) == expected);
    fast.missing("type");
    CHECK(by_table.back().message == "property 'order.total' has no `type`");
  }

  TEST_CASE("a property's absent keys leave its fields as read_value would") {
    const config::Node mapping = parse("required: true\nmax_length: 3\nenum: [a, b]\n");
    Diagnostics diagnostics;
    static const KnownKeys known(property_keys());
    YamlFieldReader reader(mapping, What{"property"}, known, diagnostics);
    Constraints constraints;
    constraints.minimum = 1;      // absent: cleared
    constraints.pattern = "^a$";  // absent: kept
    read_fields(reader, constraints, diagnostics);
    CHECK(constraints.max_length == 3);
    CHECK(constraints.enum_values == Strings{"a", "b"});
    CHECK_FALSE(constraints.minimum.has_value());
    CHECK(constraints.pattern == "^a$");
    Property property;
    read_fields(reader, property, diagnostics);
    CHECK(property.required);
    CHECK(diagnostics.empty());
  }
}
