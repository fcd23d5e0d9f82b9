// ParseCache with a persistent store, through a codec of the test's own (the real document codec
// plugs into the same two hooks).
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "../temporary_folder.h"
#include "config/parse_cache.h"

namespace fs = std::filesystem;
using namespace steward::config;

using steward::testing::TempFolder;

namespace {

// Encodes a parse as the text it came from plus its document count; decoding re-reads the text
// and refuses bytes that do not match the source. `decodes` counts what came from the store.
ParseCodec counting_codec(std::atomic<int>& decodes) {
  ParseCodec codec;
  codec.format = "test-codec/1";
  codec.encode = [](const ReadResult& result) {
    return std::to_string(result.documents.size()) + "\n" + result.source->text();
  };
  codec.decode = [&decodes](std::string_view bytes,
                            const steward::SourceRef& source) -> std::optional<ReadResult> {
    auto newline = bytes.find('\n');
    if (newline == std::string_view::npos || bytes.substr(newline + 1) != source->text())
      return std::nullopt;
    ReadResult result = read_documents(source);
    if (std::to_string(result.documents.size()) != bytes.substr(0, newline)) return std::nullopt;
    ++decodes;
    return result;
  };
  return codec;
}

const std::string kText = "kind: team\nname: payments\n---\nkind: team\nname: growth\n";

}  // namespace

TEST_SUITE("parse_cache_store") {
  TEST_CASE("a second run decodes from the store instead of parsing") {
    TempFolder folder;
    std::atomic<int> decodes{0};
    {
      BlobCacheStore store(folder.path(), "1.0.0");
      ParseCache cold;
      cold.use_store(&store, counting_codec(decodes));
      cold.read("teams.yaml", "aa11", kText, "head");
      CHECK(cold.parses() == 1);
      CHECK(cold.loaded() == 0);
      CHECK(store.writes() == 1);
      // --stats's worker time: the parse and its encoding were timed, no decode happened.
      CHECK(cold.parse_ms() > 0);
      CHECK(cold.encode_ms() > 0);
    }
    BlobCacheStore store(folder.path(), "1.0.0");
    ParseCache warm;
    warm.use_store(&store, counting_codec(decodes));
    auto result = warm.read("teams.yaml", "aa11", kText, "head");
    CHECK(warm.parses() == 0);
    CHECK(warm.loaded() == 1);
    CHECK(decodes == 1);
    CHECK(warm.decode_ms() > 0);
    CHECK(warm.parse_ms() == 0);
    REQUIRE(result->documents.size() == 2);
    CHECK(result->documents[1].root.find("name")->text == "growth");
    CHECK(result->source->revision() == "head");
  }

  TEST_CASE("a corrupted entry is parsed again and replaced, with the same result") {
    TempFolder folder;
    std::atomic<int> decodes{0};
    std::shared_ptr<const ReadResult> original;
    {
      BlobCacheStore store(folder.path(), "1.0.0");
      ParseCache first;
      first.use_store(&store, counting_codec(decodes));
      original = first.read("teams.yaml", "aa11", kText, "head");
      store.finish_run();
    }
    size_t corrupted = 0;
    for (const auto& item : fs::directory_iterator(folder.path())) {
      if (item.path().extension() != ".pack") continue;
      std::ofstream(item.path(), std::ios::binary | std::ios::trunc) << "garbage";
      ++corrupted;
    }
    CHECK(corrupted == 1);
    {
      BlobCacheStore store(folder.path(), "1.0.0");
      ParseCache second;
      second.use_store(&store, counting_codec(decodes));
      auto reparsed = second.read("teams.yaml", "aa11", kText, "head");
      CHECK(second.parses() == 1);
      CHECK(decodes == 0);
      CHECK(reparsed->documents.size() == original->documents.size());
      store.finish_run();
    }
    BlobCacheStore store(folder.path(), "1.0.0");
    ParseCache third;
    third.use_store(&store, counting_codec(decodes));
    third.read("teams.yaml", "aa11", kText, "head");
    CHECK(third.loaded() == 1);  // the parse replaced the garbage
  }

  TEST_CASE("bytes the codec refuses count as a miss, and a file without blob id is not stored") {
    TempFolder folder;
    std::atomic<int> decodes{0};
    BlobCacheStore store(folder.path(), "1.0.0");
    ParseCache first;
    first.use_store(&store, counting_codec(decodes));
    first.read("teams.yaml", "aa11", kText, "head");
    first.read("loose.yaml", "", kText, "work tree");
    CHECK(store.writes() == 1);
    // The same blob id with other text (a codec that checks catches a stale entry).
    ParseCache second;
    second.use_store(&store, counting_codec(decodes));
    second.read("teams.yaml", "aa11", "kind: team\nname: other\n", "head");
    CHECK(second.parses() == 1);
    CHECK(decodes == 0);
  }
}
