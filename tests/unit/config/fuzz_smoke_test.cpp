// A fuzz smoke test: truncated fixtures, random bytes, YAML-ish token soup, absurd nesting, huge
// scalars and alias bombs go through the reader and the model builder. Nothing may crash, hang,
// throw or blow memory, every diagnostic must point into its file, and input that is not a
// readable document must yield at least one diagnostic. Fixed seeds: every run is the same.

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "config/document_reader.h"
#include "model/model_builder.h"
#include "model/model_json.h"

namespace fs = std::filesystem;
using steward::Diagnostics;
using steward::make_source;
using steward::config::read_documents;

namespace {

// SplitMix64: tiny, and the same sequence on every platform and standard library.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }

 private:
  uint64_t state_;
};

struct Outcome {
  Diagnostics diagnostics;    // the reader's and the builder's
  bool any_document = false;  // a document with content (not an empty one) was read
};

// Runs one input through everything; fails the test with the input's name on any exception or
// any diagnostic that points nowhere.
Outcome exercise(const std::string& name, const std::string& path, const std::string& text) {
  Outcome outcome;
  try {
    auto source = make_source(path, text);
    auto read = read_documents(source);
    outcome.diagnostics = read.diagnostics;
    for (const auto& document : read.documents) {
      outcome.any_document = outcome.any_document || !document.root.is_null();
    }
    auto built = steward::model::build_model(read.documents);
    outcome.diagnostics.insert(outcome.diagnostics.end(), built.diagnostics.begin(),
                               built.diagnostics.end());
    std::string json = steward::model::model_to_json(built.model);
    if (json.empty()) FAIL_CHECK(name << ": empty model JSON");
    for (const auto& d : outcome.diagnostics) {
      if (d.rule.empty() || !d.span.valid() || d.span.file() != path || d.span.column == 0 ||
          d.span.line > source->line_count() + 1) {
        FAIL_CHECK(name << ": diagnostic " << d.rule << " at " << d.span.file() << ":"
                        << d.span.line << ":" << d.span.column << " points nowhere");
      }
    }
  } catch (const std::exception& e) {
    FAIL_CHECK(name << ": exception escaped: " << e.what());
  } catch (...) {
    FAIL_CHECK(name << ": unknown exception escaped");
  }
  return outcome;
}

bool has_rule(const Outcome& outcome, const std::string& rule) {
  for (const auto& d : outcome.diagnostics) {
    if (d.rule == rule) return true;
  }
  return false;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> fixture_files() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(STEWARD_SOURCE_DIR) / "fixtures")) {
    const auto extension = entry.path().extension();
    if (entry.is_regular_file() &&
        (extension == ".yaml" || extension == ".yml" || extension == ".json")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Seconds since `start`, to keep the whole test within its time budget.
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_SUITE("fuzz smoke") {
  TEST_CASE("every fixture file truncated at many byte offsets") {
    auto files = fixture_files();
    REQUIRE(files.size() > 100);
    Random random(1);
    size_t cases = 0;
    for (const auto& file : files) {
      const std::string text = read_file(file);
      const std::string relative = fs::relative(file, STEWARD_SOURCE_DIR).string();
      // The first bytes one by one (where the document's structure starts), then spread offsets.
      std::vector<size_t> offsets;
      for (size_t i = 0; i < std::min<size_t>(text.size(), 12); ++i)
        offsets.push_back(i);
      for (int i = 0; i < 24 && !text.empty(); ++i)
        offsets.push_back(random.below(text.size()));
      for (size_t offset : offsets) {
        exercise(relative + " cut at " + std::to_string(offset), relative, text.substr(0, offset));
        ++cases;
      }
    }
    CHECK(cases > 3000);
  }

  TEST_CASE("random bytes are never a readable document without a diagnostic") {
    Random random(2);
    for (int i = 0; i < 1500; ++i) {
      std::string text(random.below(200), '\0');
      for (auto& c : text)
        c = static_cast<char>(random.below(256));
      const char* path = i % 3 == 0 ? "random.json" : "random.yaml";
      Outcome outcome = exercise("random bytes #" + std::to_string(i), path, text);
      // Either it did not read, or what it read is not a document with a kind.
      CHECK_MESSAGE((!outcome.diagnostics.empty() || !outcome.any_document),
                    "random bytes #" << i << " read without a diagnostic");
    }
  }

  TEST_CASE("YAML-ish token soup") {
    // Tokens of the native format and of YAML's syntax, so the soup reaches the kind readers.
    static const std::vector<std::string> tokens = {"kind:",
                                                    " event",
                                                    " destination",
                                                    " source",
                                                    " transformation",
                                                    " identity",
                                                    " team",
                                                    " taxonomy",
                                                    " slo",
                                                    " property",
                                                    "name:",
                                                    " x",
                                                    " y",
                                                    "properties:",
                                                    "type:",
                                                    " string",
                                                    " [object, null]",
                                                    "items:",
                                                    "$ref:",
                                                    "pii:",
                                                    " user.contact.email",
                                                    " none",
                                                    "consent:",
                                                    " [marketing]",
                                                    "events:",
                                                    " \"*\"",
                                                    " [x, y]",
                                                    "exclude_properties:",
                                                    "{x: [a.b]}",
                                                    "mappings:",
                                                    "- {event: x, from: properties.a, to: b}",
                                                    "writes:",
                                                    "{a: user}",
                                                    "reads:",
                                                    "sources:",
                                                    "environments:",
                                                    "match_keys:",
                                                    "- {key: email, from: traits.a}",
                                                    "merge:",
                                                    "{max_identifiers_per_profile: 0}",
                                                    "status:",
                                                    " removed",
                                                    "deprecated:",
                                                    "{since: 2026-02-30, replaced_by: y}",
                                                    "destination:",
                                                    "latency_p95:",
                                                    " 5x",
                                                    "\n",
                                                    "\n  ",
                                                    "\n    ",
                                                    "\n- ",
                                                    "\n---\n",
                                                    "- ",
                                                    ": ",
                                                    ", ",
                                                    "[",
                                                    "]",
                                                    "{",
                                                    "}",
                                                    "&a ",
                                                    "*a",
                                                    "!!str ",
                                                    "? ",
                                                    "|",
                                                    ">-",
                                                    "#",
                                                    "'",
                                                    "\"",
                                                    "\\",
                                                    "~",
                                                    "null",
                                                    "true",
                                                    "1e999",
                                                    "-1",
                                                    "0x1F",
                                                    "\t",
                                                    "%YAML 1.2\n",
                                                    "...\n",
                                                    "@",
                                                    "`",
                                                    "\xff",
                                                    "\xc3",
                                                    "\0"};
    Random random(3);
    for (int i = 0; i < 2000; ++i) {
      std::string text;
      const size_t count = 1 + random.below(40);
      for (size_t t = 0; t < count; ++t)
        text += tokens[random.below(tokens.size())];
      exercise("token soup #" + std::to_string(i), i % 5 == 0 ? "soup.json" : "soup.yaml", text);
    }
  }

  TEST_CASE("10,000 levels of nesting in flow, block and JSON form") {
    const int levels = 10000;
    const std::string open_lists(levels, '['), close_lists(levels, ']');
    const std::string open_maps = [&] {
      std::string s;
      for (int i = 0; i < levels; ++i)
        s += "{a: ";
      return s;
    }();
    const std::string close_maps(levels, '}');
    std::string block_lists = "kind: event\nx:\n  ";
    for (int i = 0; i < levels; ++i)
      block_lists += "- ";
    block_lists += "a\n";
    std::string block_maps = "kind: event\n";
    for (int i = 0; i < 1000; ++i)
      block_maps += std::string(i, ' ') + "a:\n";
    std::string json_objects;
    for (int i = 0; i < levels; ++i)
      json_objects += "{\"a\":";
    json_objects += "1" + std::string(levels, '}');

    const std::vector<std::pair<std::string, std::string>> cases = {
        {"flow.yaml", "x: " + open_lists + close_lists + "\n"},
        {"flow-maps.yaml", "x: " + open_maps + "1" + close_maps + "\n"},
        {"unclosed.yaml", "x: " + open_lists + "\n"},
        {"block-lists.yaml", block_lists},
        {"block-maps.yaml", block_maps},
        {"arrays.json", open_lists + close_lists},
        {"objects.json", json_objects},
        {"unclosed.json", open_lists},
    };
    for (const auto& entry : cases) {
      const std::string& path = entry.first;  // named: clang 14 cannot capture a binding
      Outcome outcome = exercise(path, path, entry.second);
      CHECK_MESSAGE(has_rule(outcome, "syntax.too-deep"), path << " is not syntax.too-deep");
      CHECK(outcome.diagnostics.size() == 1);
      CHECK_FALSE(outcome.any_document);
    }
  }

  TEST_CASE("huge scalars, keys and lists") {
    const std::string big(1'000'000, 'x');
    CHECK(exercise("huge plain", "a.yaml", "kind: event\nname: " + big + "\n").diagnostics.empty());
    CHECK(exercise("huge quoted", "a.yaml", "kind: event\nname: \"" + big + "\"\n")
              .diagnostics.empty());
    // An implicit key is at most 1024 characters long in YAML.
    Outcome key = exercise("huge key", "a.yaml", "kind: event\nname: e\n" + big + ": 1\n");
    CHECK(has_rule(key, "syntax.yaml"));
    Outcome long_key =
        exercise("long key", "a.yaml", "kind: event\nname: e\n" + big.substr(0, 1000) + ": 1\n");
    CHECK(has_rule(long_key, "schema.unknown-key"));
    Outcome reference =
        exercise("huge reference", "a.yaml", "kind: event\nname: e\nowner: " + big + "\n");
    CHECK(has_rule(reference, "reference.unknown-team"));
    Outcome category = exercise("huge category", "a.yaml",
                                "kind: event\nname: e\nproperties:\n  a: {pii: " + big + "}\n");
    CHECK(has_rule(category, "reference.unknown-pii-category"));
    CHECK(exercise("huge JSON string", "a.json", "{\"kind\": \"event\", \"name\": \"" + big + "\"}")
              .diagnostics.empty());
    std::string list = "kind: destination\nname: d\nevents: [";
    for (int i = 0; i < 100000; ++i)
      list.append("e").append(std::to_string(i % 100)).append(", ");
    list += "x]\n";
    Outcome events = exercise("long list", "a.yaml", list);
    CHECK(has_rule(events, "reference.unknown-event"));
  }

  TEST_CASE("NUL bytes, invalid UTF-8 and byte order marks") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"nul.yaml", std::string("kind: event\nname: a\0b\nowner: t\n", 31)},
        {"nul.json", std::string("{\"kind\": \"event\",\0 \"name\": \"a\"}", 32)},
        {"utf8.yaml", "kind: event\nname: a\xff\xfe\xc3\n\xff: 1\n"},
        {"utf8.json", "{\"kind\": \"event\", \"name\": \"a\xff\"}"},
        {"utf16.yaml", std::string("\xff\xfek\0i\0n\0d\0:\0 \0x\0", 16)},
        {"bom.yaml", "\xef\xbb\xbfkind: evnt\n"},
        {"bom.json", "\xef\xbb\xbf{\"kind\": \"evnt\"}"},
    };
    for (const auto& entry : cases) {
      const std::string& path = entry.first;  // named: clang 14 cannot capture a binding
      Outcome outcome = exercise(path, path, entry.second);
      CHECK_MESSAGE(!outcome.diagnostics.empty(), path << " yields no diagnostic");
    }
    // Invalid UTF-8, in a key too, is a syntax error (issue 10): YAML is Unicode text.
    CHECK(has_rule(exercise("utf8 key", "a.yaml", "kind: event\nname: e\n\xff\xfe: 1\n"),
                   "syntax.yaml"));
    CHECK(has_rule(exercise("utf16", "utf16.yaml", cases[4].second), "syntax.yaml"));
  }

  TEST_CASE("anchors and aliases: used, undefined, cyclic, and bombs") {
    CHECK(exercise("alias", "a.yaml",
                   "kind: event\nname: e\nowner: t\nproperties:\n  a: &p {type: string, pii: "
                   "none}\n  b: *p\n")
              .diagnostics.size() == 1);  // only the unknown team
    CHECK(has_rule(exercise("undefined alias", "a.yaml", "kind: event\nname: *nope\n"),
                   "syntax.yaml"));
    CHECK(has_rule(exercise("alias as key", "a.yaml", "kind: &k event\n*k : 1\nname: e\n"),
                   "schema.unknown-key"));
    CHECK(has_rule(exercise("cycle", "a.yaml", "kind: event\nname: e\nx-a: &a [*a]\n"),
                   "syntax.too-deep"));

    // Billion laughs: nine levels of nine aliases, in a list and in a mapping form.
    auto bomb = [](bool mappings) {
      std::string text =
          "kind: event\nname: e\nx-0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
      for (int level = 1; level < 10; ++level) {
        std::string name = std::string("a") + std::to_string(level),
                    previous = std::string("a") + std::to_string(level - 1);
        text += "x-" + std::to_string(level) + ": &" + name + (mappings ? " {" : " [");
        for (int i = 0; i < 9; ++i) {
          text += (i ? ", " : "") +
                  (mappings ? std::string("k") + std::to_string(i) + ": " : std::string()) + "*" +
                  previous;
        }
        text += mappings ? "}\n" : "]\n";
      }
      return text;
    };
    for (bool mappings : {false, true}) {
      const auto start = std::chrono::steady_clock::now();
      Outcome outcome = exercise("billion laughs", "bomb.yaml", bomb(mappings));
      CHECK(seconds_since(start) < 5.0);
      REQUIRE(outcome.diagnostics.size() == 1);
      CHECK(outcome.diagnostics[0].rule == "syntax.yaml");
      CHECK_FALSE(outcome.any_document);
    }
    // A large scalar repeated through aliases is a bomb too, counted by its bytes.
    std::string wide = "kind: event\nname: e\nx-s: &s " + std::string(100000, 'w') + "\nx-l: [";
    for (int i = 0; i < 1000; ++i)
      wide += "*s, ";
    wide += "*s]\n";
    CHECK(has_rule(exercise("wide alias", "a.yaml", wide), "syntax.yaml"));
  }
}
