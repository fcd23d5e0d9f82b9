// Quantities written with units in SLOs: "1%", "0.5%", "5m", "250ms".

#include <charconv>
#include <optional>

#include "rules/builtins.h"

namespace steward::rules {

using policy::Type;
using policy::Value;

namespace {

// The number at the start of `text`, and what follows it.
std::optional<double> leading_number(std::string_view text, std::string_view& unit) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{}) return std::nullopt;
  unit = text.substr(static_cast<size_t>(end - text.data()));
  while (!unit.empty() && unit.front() == ' ')
    unit.remove_prefix(1);
  return value;
}

}  // namespace

void register_units(policy::FunctionRegistry& r) {
  const Type text = Type::string();
  r.add({"percent",
         {text},
         Type::number(),
         nullptr,
         [](std::span<const Value> a) {
           std::string_view unit;
           auto n = leading_number(a[0].as_string(), unit);
           if (!n || !(unit.empty() || unit == "%")) return Value();
           return Value::number(*n);
         },
         "the number of a percentage (1 for \"1%\"); none when it is not one"});
  r.add({"duration_seconds",
         {text},
         Type::number(),
         nullptr,
         [](std::span<const Value> a) {
           std::string_view unit;
           auto n = leading_number(a[0].as_string(), unit);
           if (!n) return Value();
           if (unit == "ms") return Value::number(*n / 1000);
           if (unit.empty() || unit == "s") return Value::number(*n);
           if (unit == "m") return Value::number(*n * 60);
           if (unit == "h") return Value::number(*n * 3600);
           if (unit == "d") return Value::number(*n * 86400);
           return Value();
         },
         "a duration in seconds (300 for \"5m\"; units ms, s, m, h, d); none when it is not one"});
}

}  // namespace steward::rules
