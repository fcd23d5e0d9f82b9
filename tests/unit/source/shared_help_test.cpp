// A finding's help is a SharedValue<std::string>: the 40,000 findings of one rule hold one copy.
#include <doctest/doctest.h>

#include <string>

#include "source/diagnostic.h"
#include "source/shared_value.h"

using steward::Diagnostic;
using steward::SharedValue;

TEST_CASE("a copy of a finding's help is the same string, not another") {
  SharedValue<std::string> help = std::string("Add the category to allow_pii, or exclude it.");
  Diagnostic a, b;
  a.help = help;
  b.help = help;
  CHECK(a.help.shares_with(b.help));
  CHECK(&*a.help == &*b.help);  // one string for every finding of a rule
  CHECK(*a.help == "Add the category to allow_pii, or exclude it.");
}

TEST_CASE("no help holds nothing and reads as the empty string") {
  Diagnostic none;
  CHECK_FALSE(none.help.has_value());
  CHECK(none.help->empty());
  none.help = "help";
  CHECK(none.help.has_value());
  CHECK(*none.help == "help");
  none.help = std::string();
  CHECK_FALSE(none.help.has_value());
}
