#include "config/blob_cache_store.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "../temporary_folder.h"
#include "config/blob_cache_entry.h"
#include "config/blob_cache_pack.h"

namespace fs = std::filesystem;
using steward::config::BlobCacheKey;
using steward::config::BlobCacheStore;

using steward::testing::TempFolder;

namespace {

// A fresh, empty folder per test, removed at the end.
const BlobCacheKey kKey{"3b18e512dba79e4c8300dd08aeb37f8e728b8dad", "events/a.yaml", "test/1"};

// Files of the store's folder whose name starts with `prefix`.
std::vector<fs::path> files_starting(const fs::path& dir, const std::string& prefix) {
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(dir))
    if (item.path().filename().string().starts_with(prefix)) files.push_back(item.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The single pack of a store that published one.
fs::path only_pack(const fs::path& dir) {
  auto packs = files_starting(dir, "pack-");
  REQUIRE(packs.size() == 1);
  return packs[0];
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// A store of `version` on `dir` that saves `payload` under `key` and publishes it (one run).
void one_run(const fs::path& dir, const BlobCacheKey& key, const std::string& payload,
             const std::string& version = "1.0.0") {
  BlobCacheStore store(dir, version);
  store.save(key, payload);
  store.finish_run();
}

}  // namespace

TEST_SUITE("blob_cache_store") {
  TEST_CASE("a saved payload loads back, byte for byte, in another store on the same folder") {
    TempFolder folder;
    std::string payload("binary\0payload\xff", 15);
    {
      BlobCacheStore store(folder.path(), "1.0.0");
      CHECK_FALSE(store.load(kKey));
      store.save(kKey, payload);
      CHECK(store.misses() == 1);
      CHECK(store.writes() == 1);
    }
    BlobCacheStore again(folder.path(), "1.0.0");
    CHECK(again.load(kKey) == payload);
    CHECK(again.hits() == 1);
    // Every part of the key counts.
    CHECK_FALSE(again.load({kKey.blob_id, "events/b.yaml", kKey.format}));
    CHECK_FALSE(again.load({kKey.blob_id, kKey.path, "test/2"}));
    CHECK_FALSE(again.load({"0000000000000000000000000000000000000000", kKey.path, kKey.format}));
  }

  TEST_CASE("an entry of another steward version is foreign and ignored") {
    TempFolder folder;
    BlobCacheStore(folder.path(), "1.0.0").save(kKey, "old");
    BlobCacheStore newer(folder.path(), "1.1.0");
    CHECK_FALSE(newer.load(kKey));
  }

  TEST_CASE("an entry whose header names another version or key is refused where it lies") {
    TempFolder folder;
    one_run(folder.path(), kKey, "new", "1.1.0");
    const fs::path pack = only_pack(folder.path());
    write_file(pack, std::string(steward::config::kPackMagic) +
                         steward::config::encode_cache_entry(kKey, "1.0.0", "old"));
    CHECK_FALSE(BlobCacheStore(folder.path(), "1.1.0").load(kKey));
    write_file(pack, std::string(steward::config::kPackMagic) +
                         steward::config::encode_cache_entry({kKey.blob_id, "x.yaml", kKey.format},
                                                             "1.1.0", "old"));
    CHECK_FALSE(BlobCacheStore(folder.path(), "1.1.0").load(kKey));
  }

  TEST_CASE("a truncated pack is a miss, and the next run's save replaces the entry") {
    TempFolder folder;
    one_run(folder.path(), kKey, std::string(1000, 'x'));
    const fs::path pack = only_pack(folder.path());
    const auto full = fs::file_size(pack);
    for (auto size : {full - 1, full / 2, uintmax_t{10}, uintmax_t{0}}) {
      fs::resize_file(pack, size);
      BlobCacheStore store(folder.path(), "1.0.0");
      CHECK_FALSE(store.load(kKey));
      CHECK(store.misses() == 1);
    }
    one_run(folder.path(), kKey, std::string(1000, 'x'));
    CHECK(BlobCacheStore(folder.path(), "1.0.0").load(kKey) == std::string(1000, 'x'));
  }

  TEST_CASE("garbage or a flipped payload byte is a miss; bytes after a whole entry are not it") {
    TempFolder folder;
    one_run(folder.path(), kKey, "payload that matters");
    const fs::path pack = only_pack(folder.path());
    const std::string bytes = read_file(pack);
    auto load = [&] { return BlobCacheStore(folder.path(), "1.0.0").load(kKey); };

    std::string flipped = bytes;
    flipped.back() ^= 0x01;
    write_file(pack, flipped);
    CHECK_FALSE(load());

    // The entry is whole and checks out; what follows it is another (unreadable) entry.
    write_file(pack, bytes + "more");
    CHECK(load() == "payload that matters");

    std::mt19937 random(7);
    std::string garbage(bytes.size(), '\0');
    for (char& c : garbage)
      c = static_cast<char>(random());
    write_file(pack, garbage);
    CHECK_FALSE(load());
    write_file(pack, std::string(steward::config::kPackMagic) + garbage);
    CHECK_FALSE(load());

    write_file(pack, bytes);  // the original is still good
    CHECK(load() == "payload that matters");
  }

  TEST_CASE("a damaged entry in the middle of a pack costs that entry alone") {
    TempFolder folder;
    auto key = [](int i) {
      return BlobCacheKey{kKey.blob_id, "events/" + std::to_string(i) + ".yaml", "t"};
    };
    {
      BlobCacheStore store(folder.path(), "1.0.0");
      for (int i = 0; i < 3; ++i)
        store.save(key(i), "payload " + std::to_string(i) + std::string(100, 'p'));
    }
    const fs::path pack = only_pack(folder.path());
    std::string bytes = read_file(pack);
    const size_t second = bytes.find("payload 1");
    REQUIRE(second != std::string::npos);
    bytes[second + 20] ^= 0x40;
    write_file(pack, bytes);
    BlobCacheStore store(folder.path(), "1.0.0");
    CHECK(store.load(key(0)));
    CHECK_FALSE(store.load(key(1)));
    CHECK(store.load(key(2)));
  }

  TEST_CASE("a run reads what it saved before publishing, and one run writes one file") {
    TempFolder folder;
    BlobCacheStore store(folder.path(), "1.0.0");
    for (int i = 0; i < 2000; ++i)
      store.save({kKey.blob_id, "events/" + std::to_string(i) + ".yaml", "t"},
                 std::string(600, static_cast<char>('a' + i % 26)));
    CHECK(store.load({kKey.blob_id, "events/1999.yaml", "t"}) == std::string(600, 'x'));
    CHECK(files_starting(folder.path(), "pack-").empty());  // not published yet
    store.finish_run();
    CHECK(files_starting(folder.path(), "pack-").size() == 1);
    CHECK(files_starting(folder.path(), ".tmp-").empty());
    BlobCacheStore again(folder.path(), "1.0.0");
    CHECK(again.load({kKey.blob_id, "events/7.yaml", "t"}) == std::string(600, 'h'));
    CHECK(again.summary().entries == 2000);
  }

  TEST_CASE("a pack of many entries is indexed whole, headers across its read windows too") {
    // Headers of 4,000-byte paths and payloads of 100 bytes: the 1 MiB windows a pack's headers
    // are read through end inside a header, which is read again from its start.
    TempFolder folder;
    auto key = [](int i) {
      return BlobCacheKey{kKey.blob_id, std::to_string(i) + std::string(4000, 'p'), "t"};
    };
    {
      BlobCacheStore store(folder.path(), "1.0.0");
      for (int i = 0; i < 1000; ++i)
        store.save(key(i), std::string(100, static_cast<char>('a' + i % 26)));
      store.finish_run();
    }
    REQUIRE(fs::file_size(only_pack(folder.path())) > (3u << 20));
    BlobCacheStore again(folder.path(), "1.0.0");
    CHECK(again.summary().entries == 1000);
    for (int i : {0, 249, 250, 251, 500, 999})
      CHECK(again.load(key(i)) == std::string(100, static_cast<char>('a' + i % 26)));
  }

  TEST_CASE("an entry larger than the write buffer, between small ones, loads back whole") {
    // A check's outcome is megabytes: it goes to the file as it is, the small ones buffered.
    TempFolder folder;
    std::string large(3 << 20, 'x');
    for (size_t i = 0; i < large.size(); i += 4099)
      large[i] = static_cast<char>('a' + i % 26);
    BlobCacheStore store(folder.path(), "1.0.0");
    store.save({kKey.blob_id, "before.yaml", "t"}, "small before");
    store.save({kKey.blob_id, "outcome", "t"}, large);
    store.save({kKey.blob_id, "after.yaml", "t"}, "small after");
    CHECK(store.load({kKey.blob_id, "outcome", "t"}) == large);
    CHECK(store.load({kKey.blob_id, "after.yaml", "t"}) == "small after");
    store.finish_run();
    BlobCacheStore again(folder.path(), "1.0.0");
    CHECK(again.load({kKey.blob_id, "before.yaml", "t"}) == "small before");
    CHECK(again.load({kKey.blob_id, "outcome", "t"}) == large);
    CHECK(again.load({kKey.blob_id, "after.yaml", "t"}) == "small after");
  }

  TEST_CASE("two threads and two processes writing the same entries never leave a torn one") {
    TempFolder folder;
    auto payload = [](int writer, int round) {
      return std::string(4096 + round, static_cast<char>('a' + writer));
    };
    auto write_rounds = [&](int writer) {
      for (int run = 0; run < 4; ++run) {
        BlobCacheStore store(folder.path(), "1.0.0");
        for (int round = 0; round < 50; ++round)
          store.save({kKey.blob_id, "events/" + std::to_string(round % 5) + ".yaml", "t"},
                     payload(writer, round));
        store.finish_run();
      }
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

    BlobCacheStore store(folder.path(), "1.0.0");
    for (int path = 0; path < 5; ++path) {
      auto loaded = store.load({kKey.blob_id, "events/" + std::to_string(path) + ".yaml", "t"});
      REQUIRE(loaded);
      // Whole, and entirely one writer's.
      CHECK(loaded->find_first_not_of(loaded->front()) == std::string::npos);
      CHECK(loaded->size() >= 4096);
    }
    // No temporary file is left behind, and compaction kept the packs few.
    CHECK(files_starting(folder.path(), ".tmp-").empty());
    CHECK(files_starting(folder.path(), "pack-").size() <= BlobCacheStore::kMaxPacks + 3);
  }

  TEST_CASE("many runs are compacted into few packs, and every entry still loads") {
    TempFolder folder;
    auto key = [](int i) {
      return BlobCacheKey{kKey.blob_id, "events/" + std::to_string(i) + ".yaml", "t"};
    };
    for (int i = 0; i < 20; ++i)
      one_run(folder.path(), key(i), "run " + std::to_string(i));
    CHECK(files_starting(folder.path(), "pack-").size() <= BlobCacheStore::kMaxPacks);
    BlobCacheStore store(folder.path(), "1.0.0");
    for (int i = 0; i < 20; ++i)
      CHECK(store.load(key(i)) == "run " + std::to_string(i));
    CHECK(store.summary().entries == 20);
  }

  TEST_CASE("too many packs: only those newer than the largest are merged, the newest entry wins") {
    TempFolder folder;
    auto key = [](int i) {
      return BlobCacheKey{kKey.blob_id, "events/" + std::to_string(i) + ".yaml", "t"};
    };
    const auto now = fs::file_time_type::clock::now();
    {
      BlobCacheStore store(folder.path(), "1.0.0");
      store.save(kKey, "old");
      for (int i = 100; i < 200; ++i)
        store.save(key(i), std::string(1000, 'p'));  // the parses of a cold run: the large pack
      store.finish_run();
    }
    const fs::path large = only_pack(folder.path());
    fs::last_write_time(large, now - std::chrono::minutes(30));
    std::set<fs::path> seen{large};
    for (int i = 0; i < 12; ++i) {
      one_run(folder.path(), key(i), "run " + std::to_string(i));
      for (const auto& pack : files_starting(folder.path(), "pack-"))
        if (seen.insert(pack).second) fs::last_write_time(pack, now - std::chrono::minutes(20 - i));
    }
    one_run(folder.path(), kKey, "new");
    const auto packs = files_starting(folder.path(), "pack-");
    CHECK(packs.size() <= BlobCacheStore::kMaxPacks);
    // Never rewritten: still there, as it was.
    CHECK(std::count(packs.begin(), packs.end(), large) == 1);
    CHECK(fs::last_write_time(large) == now - std::chrono::minutes(30));
    BlobCacheStore store(folder.path(), "1.0.0");
    CHECK(store.load(kKey) == "new");
    for (int i = 0; i < 12; ++i)
      CHECK(store.load(key(i)) == "run " + std::to_string(i));
    for (int i = 100; i < 200; ++i)
      CHECK(store.load(key(i)) == std::string(1000, 'p'));
  }

  TEST_CASE("a run that has a pack open still reads it after another run compacted it away") {
    TempFolder folder;
    one_run(folder.path(), kKey, "kept");
    BlobCacheStore reader(folder.path(), "1.0.0");
    CHECK_FALSE(reader.load({kKey.blob_id, "other.yaml", "t"}));  // indexes the packs
    for (int i = 0; i < 12; ++i)
      one_run(folder.path(), {kKey.blob_id, std::to_string(i) + ".yaml", "t"}, "x");
    CHECK(reader.load(kKey) == "kept");
  }

  TEST_CASE("over its bound the store evicts the oldest entries") {
    TempFolder folder;
    auto key = [](int i) {
      return BlobCacheKey{kKey.blob_id, "events/" + std::to_string(i) + ".yaml", "t"};
    };
    const auto now = fs::file_time_type::clock::now();
    std::set<fs::path> seen;
    for (int i = 0; i < 6; ++i) {
      BlobCacheStore store(folder.path(), "1.0.0",
                           i < 5 ? BlobCacheStore::kDefaultMaxBytes : 3 * 1110);
      store.save(key(i), std::string(1000, 'x'));
      if (i < 5) {
        store.finish_run();
        CHECK(files_starting(folder.path(), "pack-").size() == static_cast<size_t>(i + 1));
        // Run i wrote 10 - i minutes ago: 0 is the oldest.
        for (const auto& pack : files_starting(folder.path(), "pack-"))
          if (seen.insert(pack).second)
            fs::last_write_time(pack, now - std::chrono::minutes(10 - i));
        continue;
      }
      store.finish_run();  // over the bound: compacted
      auto summary = store.summary();
      CHECK(summary.entries == 3);
      CHECK(summary.bytes <= 3 * 1110);
      REQUIRE(summary.last_run);
      CHECK(*summary.last_run == "hits 0, misses 0, writes 1");
    }
    BlobCacheStore store(folder.path(), "1.0.0");
    for (int i = 0; i < 3; ++i)
      CHECK_FALSE(store.load(key(i)));
    for (int i = 3; i < 6; ++i)
      CHECK(store.load(key(i)) == std::string(1000, 'x'));
  }

  TEST_CASE("clear removes every entry, this run's too") {
    TempFolder folder;
    {
      BlobCacheStore store(folder.path(), "1.0.0");
      store.save(kKey, "a");
      store.save({kKey.blob_id, "other.yaml", "t"}, "b");
      store.finish_run();
      CHECK(store.summary().entries == 2);
    }
    write_file(folder.path() / "0123-old-layout.entry", "an entry file of the first layout");
    BlobCacheStore store(folder.path(), "1.0.0");
    store.save({kKey.blob_id, "pending.yaml", "t"}, "c");
    CHECK(store.clear() == 2);
    CHECK(store.summary().entries == 0);
    CHECK_FALSE(store.load(kKey));
    CHECK_FALSE(store.load({kKey.blob_id, "pending.yaml", "t"}));
    store.finish_run();
    for (const auto& item : fs::directory_iterator(folder.path()))
      CHECK(item.path().filename() == "last-run");
  }
}
