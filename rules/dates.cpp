// ISO dates (YYYY-MM-DD), as deprecation notices and `env.today` write them.

#include <charconv>
#include <optional>

#include "rules/builtins.h"

namespace steward::rules {

using policy::Type;
using policy::Value;

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civil_from_days(long long z, long long& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<long long>(yoe) + era * 400 + (m <= 2);
}

std::optional<long long> parse_date(const Value& v) {
  if (!v.is_string()) return std::nullopt;
  std::string_view s = v.as_string();
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto number = [&](size_t at, size_t length, auto& out) {
    auto [end, error] = std::from_chars(s.data() + at, s.data() + at + length, out);
    return error == std::errc{} && end == s.data() + at + length;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  long long days = days_from_civil(y, m, d);
  long long y2;
  unsigned m2, d2;
  civil_from_days(days, y2, m2, d2);
  if (m2 != m || d2 != d) return std::nullopt;  // 2026-02-30
  return days;
}

std::string format_date(long long days) {
  long long y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", y, m, d);
  return buffer;
}

}  // namespace

void register_dates(policy::FunctionRegistry& r) {
  const Type text = Type::string();
  r.add({"is_date",
         {text},
         Type::boolean(),
         nullptr,
         [](std::span<const Value> a) { return Value::boolean(parse_date(a[0]).has_value()); },
         "whether the text is a valid date, YYYY-MM-DD"});
  r.add({"days_between",
         {text, text},
         Type::number(),
         nullptr,
         [](std::span<const Value> a) {
           auto from = parse_date(a[0]), to = parse_date(a[1]);
           return from && to ? Value::number(static_cast<double>(*to - *from)) : Value();
         },
         "the days from the first date to the second (negative when earlier); none when either "
         "is not a date"});
  r.add({"add_days",
         {text, Type::number()},
         text,
         nullptr,
         [](std::span<const Value> a) {
           auto from = parse_date(a[0]);
           if (!from || !a[1].is_number()) return Value();
           return Value::owned(format_date(*from + static_cast<long long>(a[1].as_number())));
         },
         "the date that many days later (earlier when negative); none when not a date"});
}

}  // namespace steward::rules
