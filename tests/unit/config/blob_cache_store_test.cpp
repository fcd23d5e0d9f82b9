#include "config/blob_cache_store.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "config/blob_cache_entry.h"

namespace fs = std::filesystem;
using steward::config::BlobCacheKey;
using steward::config::BlobCacheStore;

namespace {

// A fresh, empty folder per test, removed at the end.
struct TemporaryFolder {
  fs::path path;
  TemporaryFolder() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("steward-cache-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TemporaryFolder() { fs::remove_all(path); }
};

const BlobCacheKey kKey{"3b18e512dba79e4c8300dd08aeb37f8e728b8dad", "events/a.yaml", "test/1"};

// The single entry file of a store that holds one entry.
fs::path only_entry(const fs::path& dir) {
  std::vector<fs::path> entries;
  for (const auto& item : fs::directory_iterator(dir))
    if (item.path().extension() == ".entry") entries.push_back(item.path());
  REQUIRE(entries.size() == 1);
  return entries[0];
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_SUITE("blob_cache_store") {
  TEST_CASE("a saved payload loads back, byte for byte, in another store on the same folder") {
    TemporaryFolder folder;
    std::string payload("binary\0payload\xff", 15);
    {
      BlobCacheStore store(folder.path, "1.0.0");
      CHECK_FALSE(store.load(kKey));
      store.save(kKey, payload);
      CHECK(store.misses() == 1);
      CHECK(store.writes() == 1);
    }
    BlobCacheStore again(folder.path, "1.0.0");
    CHECK(again.load(kKey) == payload);
    CHECK(again.hits() == 1);
    // Every part of the key counts.
    CHECK_FALSE(again.load({kKey.blob_id, "events/b.yaml", kKey.format}));
    CHECK_FALSE(again.load({kKey.blob_id, kKey.path, "test/2"}));
    CHECK_FALSE(again.load({"0000000000000000000000000000000000000000", kKey.path, kKey.format}));
  }

  TEST_CASE("an entry of another steward version is foreign and ignored") {
    TemporaryFolder folder;
    BlobCacheStore(folder.path, "1.0.0").save(kKey, "old");
    BlobCacheStore newer(folder.path, "1.1.0");
    CHECK_FALSE(newer.load(kKey));
  }

  TEST_CASE("an entry whose header names another version or key is refused where it lies") {
    TemporaryFolder folder;
    BlobCacheStore store(folder.path, "1.1.0");
    store.save(kKey, "new");
    const fs::path entry = only_entry(folder.path);
    write_file(entry, steward::config::encode_cache_entry(kKey, "1.0.0", "old"));
    CHECK_FALSE(store.load(kKey));
    write_file(entry, steward::config::encode_cache_entry({kKey.blob_id, "x.yaml", kKey.format},
                                                          "1.1.0", "old"));
    CHECK_FALSE(store.load(kKey));
  }

  TEST_CASE("a truncated entry is a miss, and the next save replaces it") {
    TemporaryFolder folder;
    BlobCacheStore store(folder.path, "1.0.0");
    store.save(kKey, std::string(1000, 'x'));
    const fs::path entry = only_entry(folder.path);
    const auto full = fs::file_size(entry);
    for (auto size : {full - 1, full / 2, uintmax_t{10}, uintmax_t{0}}) {
      fs::resize_file(entry, size);
      CHECK_FALSE(store.load(kKey));
    }
    store.save(kKey, std::string(1000, 'x'));
    CHECK(store.load(kKey) == std::string(1000, 'x'));
  }

  TEST_CASE("garbage, a flipped payload byte or bytes appended are misses, never trusted") {
    TemporaryFolder folder;
    BlobCacheStore store(folder.path, "1.0.0");
    store.save(kKey, "payload that matters");
    const fs::path entry = only_entry(folder.path);
    std::ifstream in(entry, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

    std::string flipped = bytes;
    flipped.back() ^= 0x01;
    write_file(entry, flipped);
    CHECK_FALSE(store.load(kKey));

    write_file(entry, bytes + "more");
    CHECK_FALSE(store.load(kKey));

    std::mt19937 random(7);
    std::string garbage(bytes.size(), '\0');
    for (char& c : garbage)
      c = static_cast<char>(random());
    write_file(entry, garbage);
    CHECK_FALSE(store.load(kKey));

    write_file(entry, bytes);  // the original is still good
    CHECK(store.load(kKey) == "payload that matters");
  }

  TEST_CASE("two threads and two processes writing the same entries never leave a torn one") {
    TemporaryFolder folder;
    auto payload = [](int writer, int round) {
      return std::string(4096 + round, static_cast<char>('a' + writer));
    };
    auto write_rounds = [&](int writer) {
      BlobCacheStore store(folder.path, "1.0.0");
      for (int round = 0; round < 200; ++round)
        store.save({kKey.blob_id, "events/" + std::to_string(round % 5) + ".yaml", "t"},
                   payload(writer, round));
    };
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      write_rounds(2);
      ::_exit(0);
    }
    std::thread first(write_rounds, 0);
    std::thread second(write_rounds, 1);
    first.join();
    second.join();
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));

    BlobCacheStore store(folder.path, "1.0.0");
    for (int path = 0; path < 5; ++path) {
      auto loaded = store.load({kKey.blob_id, "events/" + std::to_string(path) + ".yaml", "t"});
      REQUIRE(loaded);
      // Whole, and entirely one writer's.
      CHECK(loaded->find_first_not_of(loaded->front()) == std::string::npos);
      CHECK(loaded->size() >= 4096);
    }
    // No temporary file is left behind.
    for (const auto& item : fs::directory_iterator(folder.path))
      CHECK(item.path().extension() == ".entry");
  }

  TEST_CASE("over its bound the store evicts the oldest entries") {
    TemporaryFolder folder;
    BlobCacheStore store(folder.path, "1.0.0", 3 * 1100);
    auto key = [](int i) {
      return BlobCacheKey{kKey.blob_id, "events/" + std::to_string(i) + ".yaml", "t"};
    };
    const auto now = fs::file_time_type::clock::now();
    std::set<fs::path> seen;
    for (int i = 0; i < 6; ++i) {
      store.save(key(i), std::string(1000, 'x'));
      // Entry i was written 10 - i minutes ago: 0 is the oldest.
      for (const auto& item : fs::directory_iterator(folder.path)) {
        if (item.path().extension() != ".entry" || !seen.insert(item.path()).second) continue;
        fs::last_write_time(item.path(), now - std::chrono::minutes(10 - i));
      }
    }
    store.finish_run();
    auto summary = store.summary();
    CHECK(summary.entries == 3);
    CHECK(summary.bytes <= 3 * 1100);
    REQUIRE(summary.last_run);
    CHECK(*summary.last_run == "hits 0, misses 0, writes 6");
    for (int i = 0; i < 3; ++i)
      CHECK_FALSE(store.load(key(i)));
    for (int i = 3; i < 6; ++i)
      CHECK(store.load(key(i)) == std::string(1000, 'x'));
  }

  TEST_CASE("clear removes every entry") {
    TemporaryFolder folder;
    BlobCacheStore store(folder.path, "1.0.0");
    store.save(kKey, "a");
    store.save({kKey.blob_id, "other.yaml", "t"}, "b");
    CHECK(store.summary().entries == 2);
    CHECK(store.clear() == 2);
    CHECK(store.summary().entries == 0);
    CHECK_FALSE(store.load(kKey));
  }
}
