#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace steward {

// The one reader and writer of ISO calendar dates (YYYY-MM-DD) in steward: steward.yaml waivers,
// deprecation dates in data files, and the date built-ins of the policy language.
// std::chrono does the calendar: a day that does not exist (2027-02-30, 2026-04-31) is refused.

// The date `text` names, or nullopt when it is not exactly YYYY-MM-DD or names no real day.
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);

// `date` as YYYY-MM-DD (years 0 to 9999 only, as parse_iso_date reads).
std::string format_iso_date(const std::chrono::year_month_day& date);

// `date` moved by `days` (a fraction is cut off toward zero); nullopt when `days` is not finite or
// the result leaves the years 0 to 9999 that an ISO date can write.
std::optional<std::chrono::year_month_day> add_days(const std::chrono::year_month_day& date,
                                                    double days);

}  // namespace steward
