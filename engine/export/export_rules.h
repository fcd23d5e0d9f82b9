#pragma once

// The rule ids of the exports' findings (docs/rules/export.*.md).
namespace steward::exports {

// An enum value dbt's accepted_values test cannot quote safely in SQL: the test is left out.
inline constexpr const char* kDbtEnumUnquotable = "export.dbt-enum-unquotable";
// An SLO with no owner: its alerts would reach no team.
inline constexpr const char* kSloOwnerRequired = "export.slo-owner-required";
// An SLO with no objective that maps to an alert.
inline constexpr const char* kSloNoObjective = "export.slo-no-objective";

}  // namespace steward::exports
