// ISO dates (YYYY-MM-DD), as deprecation notices and `env.today` write them.

#include <chrono>
#include <optional>

#include "rules/builtins.h"
#include "source/calendar_date.h"

namespace steward::rules {

using policy::Type;
using policy::Value;

namespace {

// Days since 1970-01-01, so that two dates subtract to a number of days.
std::optional<long long> parse_date(const Value& v) {
  if (!v.is_string()) return std::nullopt;
  auto date = parse_iso_date(v.as_string());
  if (!date) return std::nullopt;
  return std::chrono::sys_days(*date).time_since_epoch().count();
}

}  // namespace

void register_dates(policy::FunctionRegistry& r) {
  const Type text = Type::string();
  r.add({"is_date",
         {text},
         Type::boolean(),
         nullptr,
         [](std::span<const Value> a) { return Value::boolean(parse_date(a[0]).has_value()); },
         "whether the text is a date YYYY-MM-DD that exists (`2027-02-30` is not)"});
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
           auto from = a[0].is_string() ? parse_iso_date(a[0].as_string()) : std::nullopt;
           if (!from || !a[1].is_number()) return Value();
           auto moved = add_days(*from, a[1].as_number());
           return moved ? Value::owned(format_iso_date(*moved)) : Value();
         },
         "the date that many days later (earlier when negative; a fraction is cut off); none when "
         "not a date, when the number is not finite, or when the result falls outside the years "
         "0000 to 9999"});
}

}  // namespace steward::rules
