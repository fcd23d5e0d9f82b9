// The policy stage's documented limits (policy/limits.h): each ends in a clear error naming the
// limit, never in a crash or in gigabytes of memory.

#include "policy/limits.h"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "policy/rule_pack.h"
#include "source/input_error.h"

using namespace steward;
using namespace steward::policy;

namespace {

namespace fs = std::filesystem;

struct ScratchFolder {
  fs::path path;
  ScratchFolder() {
    std::string pattern = (fs::temp_directory_path() / "steward-policy-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

const std::string kSmallPack = "pack p\nrule p.r {\n  for e in head.events\n  deny at e \"x\"\n}\n";

std::string oversized_pack() {
  std::string text = kSmallPack;
  text += "# " + std::string(kMaxPolicyFileBytes, 'z') + "\n";
  return text;
}

}  // namespace

TEST_CASE("a policy file larger than the limit is refused before it is parsed") {
  LoadedPack loaded = load_pack(
      "p", {PackSource{"big.policy", oversized_pack()}, PackSource{"small.policy", kSmallPack}});
  REQUIRE(loaded.diagnostics.size() == 1);
  const Diagnostic& d = loaded.diagnostics[0];
  CHECK(d.rule == "policy.pack");
  CHECK(d.span.file() == "big.policy");
  CHECK(d.message.find("steward reads policy files of up to 1048576 bytes (limit: policy file "
                       "size)") != std::string::npos);
  // The other files of the pack are still read, for listings.
  CHECK(loaded.pack->rules().size() == 1);
}

TEST_CASE("a policy folder with an oversized file is an input error naming the file") {
  ScratchFolder folder;
  std::ofstream(folder.path / "ok.policy") << kSmallPack;
  std::ofstream(folder.path / "huge.policy") << oversized_pack();
  try {
    load_pack_folder(folder.path);
    FAIL("no error");
  } catch (const InputError& error) {
    std::string what = error.what();
    CHECK(what.find("huge.policy") != std::string::npos);
    CHECK(what.find("(limit: policy file size)") != std::string::npos);
    CHECK(error.fix().find("split") != std::string::npos);
  }
  // At the limit itself, the file is read (alone: its rule id is that of ok.policy).
  fs::remove(folder.path / "huge.policy");
  fs::remove(folder.path / "ok.policy");
  std::string exact = kSmallPack + "#";
  exact += std::string(kMaxPolicyFileBytes - exact.size() - 1, 'z') + "\n";
  std::ofstream(folder.path / "exact.policy") << exact;
  CHECK(load_pack_folder(folder.path).ok());
}

TEST_CASE("values in messages are shortened by characters, with an ellipsis") {
  CHECK(shorten_for_message("abc", 3) == "abc");
  CHECK(shorten_for_message("abcd", 3) == "abc…");
  CHECK(shorten_for_message("\xc3\xa9\xc3\xa9\xc3\xa9", 2) == "\xc3\xa9\xc3\xa9…");
  CHECK(shorten_for_message(std::string(500, 'x')).size() == kMaxMessageValueChars + 3);
}
