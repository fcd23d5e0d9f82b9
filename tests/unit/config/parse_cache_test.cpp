#include "config/parse_cache.h"

#include <doctest/doctest.h>

#include <thread>

using steward::config::ParseCache;

TEST_SUITE("parse_cache") {
  TEST_CASE("the same blob at the same path is parsed once") {
    ParseCache cache;
    auto first = cache.read("a.yaml", "blob1", "kind: team\nname: t\n", "head");
    auto second = cache.read("a.yaml", "blob1", "kind: team\nname: t\n", "base");
    CHECK(first == second);  // the very same result
    CHECK(cache.parses() == 1);
    CHECK(cache.hits() == 1);
    REQUIRE(first->documents.size() == 1);
    CHECK(first->documents[0].root.find("name")->text == "t");
    // The first read's revision stays with the result.
    CHECK(first->documents[0].source->revision() == "head");
  }

  TEST_CASE("one blob at another path is another entry: spans name their file") {
    ParseCache cache;
    auto a = cache.read("a.yaml", "blob1", "kind: team\n", "head");
    auto b = cache.read("b/a.yaml", "blob1", "kind: team\n", "head");
    CHECK(a != b);
    CHECK(cache.parses() == 2);
    CHECK(cache.hits() == 0);
    CHECK(a->documents[0].source->path() == "a.yaml");
    CHECK(b->documents[0].source->path() == "b/a.yaml");
    cache.read("b/a.yaml", "blob1", "kind: team\n", "head");
    CHECK(cache.hits() == 1);
  }

  TEST_CASE("another blob at the same path is parsed again") {
    ParseCache cache;
    auto a = cache.read("a.yaml", "blob1", "kind: team\n", "base");
    auto b = cache.read("a.yaml", "blob2", "kind: source\n", "head");
    CHECK(cache.parses() == 2);
    CHECK(b->documents[0].root.find("kind")->text == "source");
  }

  TEST_CASE("parses are kept up to a bound of source text; past it they are parsed again") {
    const std::string text = "kind: team\nname: t\n";  // 19 bytes
    ParseCache cache(50);
    cache.read("a.yaml", "blob1", text, "head");
    cache.read("b.yaml", "blob1", text, "head");
    cache.read("c.yaml", "blob1", text, "head");  // would pass the bound: not kept
    CHECK(cache.kept_bytes() == 38);
    auto again = cache.read("c.yaml", "blob1", text, "head");
    CHECK(cache.parses() == 4);
    CHECK(again->documents[0].root.find("name")->text == "t");
    cache.read("a.yaml", "blob1", text, "base");
    CHECK(cache.hits() == 1);
  }

  TEST_CASE("a read with keep off is shared from the cache but never added to it") {
    ParseCache cache;
    cache.read("a.yaml", "blob1", "kind: team\n", "head", false);
    cache.read("a.yaml", "blob1", "kind: team\n", "head", false);
    CHECK(cache.parses() == 2);
    CHECK(cache.kept_bytes() == 0);
    cache.read("a.yaml", "blob1", "kind: team\n", "head");
    cache.read("a.yaml", "blob1", "kind: team\n", "head", false);
    CHECK(cache.parses() == 3);
    CHECK(cache.hits() == 1);
  }

  TEST_CASE("without a blob id nothing is cached") {
    ParseCache cache;
    cache.read("a.yaml", "", "kind: team\n", "");
    cache.read("a.yaml", "", "kind: team\n", "");
    CHECK(cache.parses() == 2);
    CHECK(cache.hits() == 0);
  }

  TEST_CASE("diagnostics are cached with the documents") {
    ParseCache cache;
    auto a = cache.read("a.json", "bad", "{\"a\": 1,}", "head");
    auto b = cache.read("a.json", "bad", "{\"a\": 1,}", "base");
    REQUIRE(b->diagnostics.size() == 1);
    CHECK(b->diagnostics[0].rule == "syntax.json");
    CHECK(cache.parses() == 1);
  }

  TEST_CASE("safe from several threads") {
    ParseCache cache;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&cache] {
        for (int i = 0; i < 50; ++i) {
          cache.read(std::string("f") + std::to_string(i % 10) + ".yaml",
                     std::string("blob") + std::to_string(i % 10), "kind: team\n", "head");
        }
      });
    }
    for (auto& thread : threads)
      thread.join();
    CHECK(cache.parses() + cache.hits() == 200);
    // Two threads may both parse a blob before either stores it; never more than one per thread.
    CHECK(cache.parses() >= 10);
    CHECK(cache.parses() <= 40);
  }
}
