// The policy language's front end on arbitrary text: parse one .policy file as a pack (as
// `steward check` loads a pack folder), then, when it parses, run the checker with the built-in
// functions and check its literal names against an empty model. Nothing may crash, hang or throw,
// and every diagnostic points into the file.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.h"
#include "model/model.h"
#include "policy/checker.h"
#include "policy/rule_pack.h"
#include "rules/builtins.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace steward::policy;
  const std::string path = "policies/fuzz.policy";
  std::string text(reinterpret_cast<const char*>(data), size);
  LoadedPack loaded = load_pack("policies", {PackSource{path, std::move(text)}});
  steward::fuzzing::check_diagnostics(loaded.diagnostics, {path});
  if (!loaded.ok()) return 0;
  CheckResult checked = check_pack(loaded.pack, steward::rules::builtin_functions());
  steward::fuzzing::check_diagnostics(checked.diagnostics, {path});
  if (!checked.ok()) return 0;
  steward::model::Model empty;
  steward::fuzzing::check_diagnostics(check_names(*checked.pack, empty), {path});
  return 0;
}
