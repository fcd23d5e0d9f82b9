// Every rule id steward raises is a rule_id:: constant, registered with its documentation, and
// listed on its docs/ page; no file under engine/ spells a rule id as a literal of its own.
#include "source/rule_registry.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "source/rule_ids.h"

using namespace steward;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = STEWARD_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The files that may spell rule ids: the registry itself.
bool is_registry(const fs::path& path) {
  std::string name = path.filename().string();
  return name == "rule_ids.h" || name == "rule_registry.cpp";
}

// The code of a line, without a trailing `//` comment (comments may name ids as examples).
std::string code_of(const std::string& line) {
  bool in_string = false;
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '"') {
      in_string = !in_string;
    } else if (!in_string && line[i] == '/' && line[i + 1] == '/') {
      return line.substr(0, i);
    }
  }
  return line;
}

// Whether a string literal's text has the shape of a built-in rule id: a family, a dot, and
// lower-case words joined by '-'.
bool looks_like_rule_id(std::string_view text) {
  static const std::string_view families[] = {"syntax.",      "schema.", "reference.", "compat.",
                                              "suppression.", "waiver.", "policy.",    "export."};
  for (std::string_view family : families) {
    if (!text.starts_with(family) || text.size() == family.size()) continue;
    std::string_view rest = text.substr(family.size());
    return rest.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") ==
               std::string_view::npos &&
           rest.front() != '-' && rest.back() != '-';
  }
  return false;
}

using Literals = std::vector<std::pair<std::string, std::string>>;

// (file:line, id) for every string literal of `path` that looks like a built-in rule id.
void add_literal_ids(const fs::path& path, Literals& found) {
  std::istringstream lines(read_text(path));
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    std::string code = code_of(line);
    for (size_t open = code.find('"'); open != std::string::npos;) {
      size_t close = code.find('"', open + 1);
      if (close == std::string::npos) break;
      std::string text = code.substr(open + 1, close - open - 1);
      if (looks_like_rule_id(text)) {
        found.emplace_back(
            fs::relative(path, kRoot).generic_string() + ":" + std::to_string(number), text);
      }
      open = code.find('"', close + 1);
    }
  }
}

// Every such literal under engine/, outside the registry.
Literals literal_ids() {
  Literals found;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot / "engine")) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || is_registry(path)) continue;
    if (path.extension() == ".cpp" || path.extension() == ".h") add_literal_ids(path, found);
  }
  return found;
}

}  // namespace

TEST_CASE("every registered rule has one entry, a title and a description") {
  std::set<std::string_view> seen;
  for (const BuiltinRule& rule : builtin_rules()) {
    CAPTURE(rule.id);
    CHECK(seen.insert(rule.id).second);
    CHECK_FALSE(rule.title.empty());
    CHECK_FALSE(rule.description.empty());
    CHECK(find_builtin_rule(rule.id) == &rule);
  }
  CHECK(find_builtin_rule(rule_id::kSchemaUnknownKey) != nullptr);
  CHECK(find_builtin_rule("pii.destination-allowlist") == nullptr);
}

TEST_CASE("every registered rule is listed on its docs page") {
  for (const BuiltinRule& rule : builtin_rules()) {
    CAPTURE(rule.id);
    std::string page = read_text(kRoot / "docs" / doc_page(rule.family));
    REQUIRE_FALSE(page.empty());
    CHECK(page.find("| `" + std::string(rule.id) + "`") != std::string::npos);
  }
}

TEST_CASE("engine/ raises rule ids through the registry's constants only") {
  // A literal that looks like a built-in id is either a stdlib pack's rule (documented in
  // docs/rules/ID.md, named in help texts as an example) or a rule id that bypasses the registry.
  // The scan itself finds ids: every one of rule_ids.h.
  Literals registry;
  add_literal_ids(kRoot / "engine/source/rule_ids.h", registry);
  CHECK(registry.size() == builtin_rules().size());
  CHECK_FALSE(looks_like_rule_id("schema."));
  CHECK_FALSE(looks_like_rule_id("steward.yaml"));

  auto literals = literal_ids();
  for (const auto& literal : literals) {
    // Named, not bound: clang 14 cannot capture a structured binding in CAPTURE's lambda.
    const std::string& where = literal.first;
    const std::string& id = literal.second;
    CAPTURE(where);
    CAPTURE(id);
    CHECK(find_builtin_rule(id) == nullptr);
    CHECK(fs::exists(kRoot / "docs/rules" / (id + ".md")));
  }
}
