// trace: returns its value; writes it only where the evaluation gives it a sink.
#include <doctest/doctest.h>

#include "call.h"

using namespace steward;
using namespace steward::rules::testing;

TEST_CASE("trace returns its value and writes it only where a sink is given") {
  std::vector<std::string> written;
  std::function<void(const Span&, const std::string&)> sink =
      [&](const Span&, const std::string& text) { written.push_back(text); };
  policy::CallContext tracing{nullptr, &sink, {}};
  CHECK(show(call_in("trace", {num(3)}, tracing)) == "3");
  CHECK(show(call_in("trace", {str("n"), list({num(1), num(2)})}, tracing)) == "1, 2");
  CHECK(written == std::vector<std::string>{"3", "n: 1, 2"});
  policy::CallContext quiet{};
  CHECK(show(call_in("trace", {str("x")}, quiet)) == "x");
  CHECK(written.size() == 2);
  CHECK(show(call("trace", {str("y")})) == "y");
}
