#include "source/shared_text.h"

#include <doctest/doctest.h>

#include <string>

#include "source/diagnostic.h"

using steward::Diagnostic;
using steward::SharedText;

TEST_CASE("a copy of a shared text is the same string, not another") {
  SharedText help = std::string("Add the category to allow_pii, or exclude the property.");
  Diagnostic a, b;
  a.help = help;
  b.help = help;
  CHECK(&a.help.str() == &b.help.str());  // one string for every finding of a rule
  CHECK(a.help == "Add the category to allow_pii, or exclude the property.");
  const std::string& as_string = b.help;
  CHECK(as_string == help.str());
}

TEST_CASE("an empty shared text holds nothing and reads as the empty string") {
  SharedText none;
  CHECK(none.empty());
  CHECK(none.str().empty());
  CHECK(none == "");
  SharedText written = "help";
  CHECK_FALSE(written.empty());
  SharedText from_empty = std::string();
  CHECK(from_empty.empty());
  written.clear();
  CHECK(written.empty());
}
