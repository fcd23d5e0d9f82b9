#pragma once

#include <string_view>

#include "model/field_table.h"

// What the text of a field must look like (an SLO's "1%", "5m", "1000", a deprecation's
// YYYY-MM-DD), checked where the value was written; a value that fails is reported as
// schema.invalid-value and not kept.
namespace steward::model {

// The check for text that names `names` (a percentage, a duration, a count); null when any text
// will do.
FieldCheck value_check(Names names);

}  // namespace steward::model
