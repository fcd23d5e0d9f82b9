// How the catalog shows a property's type and constraints: every constraint, in the order of the
// model's field table (model/model_fields.h), then the two only JSON Schema sets.
#include "catalog/property_text.h"

#include <doctest/doctest.h>

using namespace steward;

TEST_CASE("every constraint is shown, in the field table's order") {
  model::Constraints c;
  c.enum_values = {"a", "b"};
  c.const_value = "k";
  c.pattern = "^x$";
  c.format = "email";
  c.minimum = 1.5;
  c.maximum = 10;
  c.exclusive_minimum = 0;
  c.exclusive_maximum = 11;
  c.min_length = 1;
  c.max_length = 5;
  c.min_items = 2;
  c.max_items = 3;
  c.min_properties = 1;
  c.max_properties = 4;
  CHECK(catalog::constraints_text(c) ==
        "enum: a, b; const: k; pattern: ^x$; format: email; minimum: 1.5; maximum: 10; "
        "exclusive_minimum: 0; exclusive_maximum: 11; min_length: 1; max_length: 5; "
        "min_items: 2; max_items: 3; min_properties: 1; max_properties: 4");
}

TEST_CASE("no constraint, no text; no type is any") {
  CHECK(catalog::constraints_text(model::Constraints{}) == "");
  CHECK(catalog::type_text({}) == "any");
  CHECK(catalog::type_text({"string", "null"}) == "string | null");
}
