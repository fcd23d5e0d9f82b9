#include "source/calendar_date.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace steward {

namespace chr = std::chrono;

namespace {

// From 0000-01-01 to 9999-12-31 is under 3.66 million days; any larger step leaves the range.
constexpr double kMaxStepDays = 4'000'000;

bool digits(std::string_view text, size_t at, size_t length, unsigned& out) {
  const char* begin = text.data() + at;
  for (size_t i = 0; i < length; ++i) {
    if (begin[i] < '0' || begin[i] > '9') return false;  // from_chars would take a sign
  }
  auto [end, error] = std::from_chars(begin, begin + length, out);
  return error == std::errc{} && end == begin + length;
}

bool in_range(const chr::year_month_day& date) {
  return date.ok() && date.year() >= chr::year(0) && date.year() <= chr::year(9999);
}

}  // namespace

std::optional<chr::year_month_day> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  unsigned year = 0, month = 0, day = 0;
  if (!digits(text, 0, 4, year) || !digits(text, 5, 2, month) || !digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  chr::year_month_day date{chr::year(static_cast<int>(year)), chr::month(month), chr::day(day)};
  if (!date.ok()) return std::nullopt;  // 2027-02-30, month 13, day 0
  return date;
}

std::string format_iso_date(const chr::year_month_day& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::optional<chr::year_month_day> add_days(const chr::year_month_day& date, double days) {
  // Checked before the conversion: a double beyond long's range converts with undefined behaviour.
  if (!std::isfinite(days) || std::fabs(days) > kMaxStepDays) return std::nullopt;
  chr::sys_days moved = chr::sys_days(date) + chr::days(static_cast<long>(std::trunc(days)));
  chr::year_month_day result(moved);
  if (!in_range(result)) return std::nullopt;
  return result;
}

}  // namespace steward
