// docs/language.md stays true: its model reference and built-in tables are generated from the
// language's own declarations (UPDATE_GOLDEN=1 rewrites them), and every policy example in it
// parses and checks.

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "policy/checker.h"
#include "policy/language_types.h"
#include "policy/rule_pack.h"
#include "rules/builtins.h"
#include "test_model.h"

using namespace steward;
using namespace steward::policy;

namespace {

const std::string kDoc = std::string(STEWARD_SOURCE_DIR) + "/docs/language.md";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string escape(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\";
    out += c;
  }
  return out;
}

std::string signature(const std::string& name, const std::vector<Type>& params) {
  std::string text = name + "(";
  for (size_t i = 0; i < params.size(); ++i)
    text += (i ? ", " : "") + to_string(params[i]);
  return text + ")";
}

std::string model_reference() {
  std::string out;
  for (const ObjectType* type : language_types().all) {
    out += "\n### " + type->name + "\n\n" + type->summary + ".\n\n";
    out += "| member | type | what |\n|---|---|---|\n";
    for (const auto& f : type->fields) {
      out +=
          "| `" + f.name + "` | " + escape(to_string(f.type)) + " | " + escape(f.summary) + " |\n";
    }
    for (const auto& m : type->methods) {
      out += "| `" + signature(m.name, m.params) + "` | " + escape(to_string(m.result)) + " | " +
             escape(m.summary) + " |\n";
    }
  }
  return out + "\n";
}

std::string builtins() {
  std::string out = "\n| function | result | what |\n|---|---|---|\n";
  const auto& registry = rules::builtin_functions();
  for (const auto& name : registry.names()) {
    for (const FunctionOverload* f : registry.find(name)) {
      std::string result = f->result_of ? "like its argument" : to_string(f->result);
      out += "| `" + signature(name, f->params) + "` | " + escape(result) + " | " +
             escape(f->summary) + " |\n";
    }
  }
  return out + "\n";
}

// Replaces the text between the markers that follow `begin`; returns whether it changed.
bool splice(std::string& doc, const std::string& begin, const std::string& content) {
  size_t start = doc.find(begin);
  REQUIRE(start != std::string::npos);
  start = doc.find('\n', start) + 1;
  size_t end = doc.find("<!-- END GENERATED -->", start);
  REQUIRE(end != std::string::npos);
  bool same = doc.compare(start, end - start, content) == 0;
  doc.replace(start, end - start, content);
  return !same;
}

}  // namespace

TEST_CASE("docs/language.md lists every type, member and built-in") {
  std::string doc = read(kDoc);
  bool changed = splice(doc, "<!-- BEGIN GENERATED: model reference", model_reference());
  changed = splice(doc, "<!-- BEGIN GENERATED: built-ins", builtins()) || changed;
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    if (changed) std::ofstream(kDoc, std::ios::binary) << doc;
    return;
  }
  CHECK_MESSAGE(!changed, "docs/language.md is out of date: run the tests with UPDATE_GOLDEN=1");
}

TEST_CASE("every policy example in docs/language.md checks") {
  std::string doc = read(kDoc);
  auto model = testing::make_model();
  size_t examples = 0;
  // Fenced blocks without a language (``` alone) hold policy text or shell output.
  std::vector<std::string> blocks;
  std::istringstream lines(doc);
  std::string line, block;
  bool inside = false, plain = false;
  while (std::getline(lines, line)) {
    if (line.rfind("```", 0) == 0) {
      if (inside && plain) blocks.push_back(block);
      plain = !inside && line == "```";
      inside = !inside;
      block.clear();
    } else if (inside) {
      block += line + "\n";
    }
  }
  for (std::string text : blocks) {
    bool policy =
        text.rfind("pack ", 0) == 0 || text.rfind("rule ", 0) == 0 || text.rfind("func ", 0) == 0;
    if (!policy) continue;
    if (text.rfind("pack ", 0) != 0) {
      size_t rule = text.find("rule ");
      std::string pack = "docs";
      if (rule != std::string::npos) pack = text.substr(rule + 5, text.find('.', rule) - rule - 5);
      text = "pack " + pack + "\n" + text;
    }
    ++examples;
    CAPTURE(text);
    LoadedPack loaded = load_pack("docs", {PackSource{"example.policy", text}});
    REQUIRE(testing::describe(loaded.diagnostics) == "");
    CheckResult checked = check_pack(loaded.pack, rules::builtin_functions());
    CHECK(testing::describe(checked.diagnostics) == "");
  }
  CHECK(examples >= 6);
}

TEST_CASE("every row of the language type table is a bound type") {
  // A row added to language_type_table.h without its binding would be a type with no members.
#define STEWARD_COUNT_LANGUAGE_TYPE(name, summary) +1
  constexpr int rows = 0 STEWARD_LANGUAGE_TYPES(STEWARD_COUNT_LANGUAGE_TYPE);
#undef STEWARD_COUNT_LANGUAGE_TYPE
  const LanguageTypes& types = language_types();
  CHECK(types.all.size() == rows);
  for (const ObjectType* type : types.all) {
    CAPTURE(type->name);
    CHECK(types.find(type->name) == type);
    CHECK_FALSE(type->summary.empty());
    CHECK((!type->fields.empty() || !type->methods.empty()));
  }
  CHECK(types.find("event") == types.event);
  CHECK(types.find("env") == types.env);
}
