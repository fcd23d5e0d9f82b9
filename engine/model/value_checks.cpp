#include "model/value_checks.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "source/calendar_date.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::model {

namespace {

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// "1%", "0.5%"
bool is_percentage(std::string_view s) {
  if (s.size() < 2 || s.back() != '%') return false;
  bool digit = false;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (is_digit(s[i]))
      digit = true;
    else if (s[i] != '.')
      return false;
  }
  return digit;
}

// "1000": a whole number of events.
bool is_count(std::string_view s) {
  return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), is_digit);
}

// "250ms", "5s", "5m", "1h"
bool is_duration(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (is_digit(s[i]) || s[i] == '.'))
    ++i;
  if (i == 0) return false;
  std::string_view unit = s.substr(i);
  return unit == "ms" || unit == "s" || unit == "m" || unit == "h";
}

bool is_date(std::string_view s) {
  return parse_iso_date(s).has_value();
}

template <bool (*Valid)(std::string_view), const char* Expected>
bool check(std::string_view value, const Span& span, std::string_view what,
           Diagnostics& diagnostics) {
  if (Valid(value)) return true;
  report(diagnostics, rule_id::kSchemaInvalidValue, span,
         std::string(what) + " must be " + Expected + ", not '" + std::string(value) + "'");
  return false;
}

constexpr char kPercentage[] = "a percentage";
constexpr char kDuration[] = "a duration like 5m or 250ms";
constexpr char kCount[] = "a count of events like 1000";
constexpr char kDate[] = "a date YYYY-MM-DD";

}  // namespace

FieldCheck value_check(Names names) {
  switch (names) {
    case Names::percentage:
      return check<is_percentage, kPercentage>;
    case Names::duration:
      return check<is_duration, kDuration>;
    case Names::count:
      return check<is_count, kCount>;
    case Names::date:
      return check<is_date, kDate>;
    default:
      return nullptr;
  }
}

}  // namespace steward::model
