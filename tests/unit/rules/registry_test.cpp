#include <doctest/doctest.h>

#include "rules/builtins.h"

using namespace steward;

TEST_CASE("every built-in has a summary and an implementation") {
  const auto& registry = rules::builtin_functions();
  CHECK(registry.names().size() >= 20);
  for (const auto& name : registry.names()) {
    for (const policy::FunctionOverload* f : registry.find(name)) {
      CHECK_MESSAGE(!f->summary.empty(), name);
      CHECK_MESSAGE(static_cast<bool>(f->call), name);
    }
  }
}
