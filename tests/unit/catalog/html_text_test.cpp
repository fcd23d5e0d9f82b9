#include "catalog/html_text.h"

#include <doctest/doctest.h>

using steward::catalog::script_safe_json;

TEST_CASE("JSON in a script element cannot close it or open a comment") {
  CHECK(
      script_safe_json(R"(["</script><script>alert(1)</script>","<!--","a&b"])") ==
      R"(["\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e","\u003c!--","a\u0026b"])");
  CHECK(script_safe_json("[\"\xE2\x80\xA8\xE2\x80\xA9\"]") == "[\"\\u2028\\u2029\"]");
}
