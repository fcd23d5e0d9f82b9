#pragma once

#include <string>
#include <string_view>

namespace steward::exports {

// `text` as a Jinja template that renders to exactly `text`. dbt renders descriptions, meta and
// test arguments with Jinja, so a description from the repository holding "{{ ... }}" would run
// as code in the team's dbt project: each "{{", "{%" and "{#" becomes an expression printing it.
std::string jinja_literal(std::string_view text);

}  // namespace steward::exports
