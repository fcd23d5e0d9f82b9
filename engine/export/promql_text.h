#pragma once

#include <string>
#include <string_view>

namespace steward::exports {

// `text` as a PromQL double-quoted string literal, quotes included: label values in matchers.
std::string promql_string(std::string_view text);

// `text` as a Go text/template that renders to exactly `text`. Prometheus expands rule labels and
// annotations as templates, so a name holding "{{" would run as a template action.
std::string go_template_literal(std::string_view text);

}  // namespace steward::exports
