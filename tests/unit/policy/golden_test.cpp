// Golden tests of the errors a pack author sees: each golden/NAME.policy is loaded, checked, and
// (when it checks) run over the test model; the errors, rendered with code frames, must equal
// golden/NAME.expected. UPDATE_GOLDEN=1 rewrites the expected files instead.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "policy/evaluator.h"
#include "policy/rule_pack.h"
#include "rules/builtins.h"
#include "test_model.h"

using namespace steward;
using namespace steward::policy;

namespace {

namespace fs = std::filesystem;

const fs::path kGolden = fs::path(STEWARD_SOURCE_DIR) / "tests/unit/policy/golden";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// rustc-style: the message, the place, the line with a caret under the span, the suggestion.
std::string render(const Diagnostic& d) {
  std::string out = "error[" + d.rule + "]: " + d.message + "\n";
  if (d.span.valid()) {
    std::string number = std::to_string(d.span.line);
    std::string gutter(number.size(), ' ');
    out +=
        gutter + "--> " + d.span.file() + ":" + number + ":" + std::to_string(d.span.column) + "\n";
    out += gutter + " |\n";
    out += number + " | " + std::string(d.span.source->line(d.span.line)) + "\n";
    uint32_t width = d.span.end_line == d.span.line && d.span.end_column >= d.span.column
                         ? d.span.end_column - d.span.column + 1
                         : 1;
    out += gutter + " | " + std::string(d.span.column - 1, ' ') + std::string(width, '^') + "\n";
  }
  if (!d.suggestion.empty()) out += "  = help: " + d.suggestion + "\n";
  return out;
}

std::string errors_of(const fs::path& file) {
  std::string relative = "golden/" + file.filename().string();
  LoadedPack loaded = load_pack("golden", {PackSource{relative, read(file)}});
  Diagnostics errors = loaded.diagnostics;
  if (loaded.ok()) {
    CheckResult checked = check_pack(loaded.pack, rules::builtin_functions());
    errors = checked.diagnostics;
    if (checked.ok()) {
      static auto model = testing::make_model();
      PolicyInput input{model.get(), nullptr, nullptr, {}};
      errors = evaluate(*checked.pack, input).errors;
    }
  }
  std::string out;
  for (const auto& d : errors)
    out += render(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("golden policy errors") {
  bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kGolden)) {
    if (entry.path().extension() == ".policy") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  for (const auto& file : files) {
    fs::path expected_file = file;
    expected_file.replace_extension(".expected");
    std::string actual = errors_of(file);
    if (update) {
      std::ofstream(expected_file, std::ios::binary) << actual;
      continue;
    }
    CAPTURE(file.filename().string());
    CHECK_MESSAGE(!actual.empty(), "a golden file must produce at least one error");
    CHECK(actual == read(expected_file));
  }
}
