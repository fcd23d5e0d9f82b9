// Text: case, affixes, search, splitting.

#include <algorithm>
#include <cctype>

#include "policy/limits.h"
#include "rules/builtins.h"

namespace steward::rules {

using policy::Type;
using policy::Value;

namespace {

const Type kString = Type::string();
const Type kBool = Type::boolean();

// Appends `part` to `out`, or stops the call when `out` would pass the language's string limit
// (a nested replace squares a length; the limit keeps it from asking for gigabytes).
void append_bounded(std::string& out, std::string_view part) {
  if (out.size() + part.size() > policy::kMaxStringBytes) {
    throw policy::EvaluationError(policy::string_limit_message(out.size() + part.size()));
  }
  out.append(part);
}

std::string mapped(std::string_view text, int (*f)(int)) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(f(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

void register_strings(policy::FunctionRegistry& r) {
  r.add({"lower",
         {kString},
         kString,
         nullptr,
         [](std::span<const Value> a) {
           return a[0].is_string() ? Value::owned(mapped(a[0].as_string(), ::tolower)) : Value();
         },
         "the text in lower case (ASCII letters)"});
  r.add({"upper",
         {kString},
         kString,
         nullptr,
         [](std::span<const Value> a) {
           return a[0].is_string() ? Value::owned(mapped(a[0].as_string(), ::toupper)) : Value();
         },
         "the text in upper case (ASCII letters)"});
  r.add({"trim",
         {kString},
         kString,
         nullptr,
         [](std::span<const Value> a) {
           if (!a[0].is_string()) return Value();
           std::string_view s = a[0].as_string();
           auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
           while (!s.empty() && space(s.front()))
             s.remove_prefix(1);
           while (!s.empty() && space(s.back()))
             s.remove_suffix(1);
           return Value::owned(std::string(s));
         },
         "the text without leading and trailing white space"});
  r.add({"length",
         {kString},
         Type::number(),
         nullptr,
         [](std::span<const Value> a) {
           double n = 0;
           for (unsigned char c : a[0].as_string())
             n += (c & 0xC0) != 0x80;
           return Value::number(n);
         },
         "the number of characters (0 for none)"});
  r.add({"starts_with",
         {kString, kString},
         kBool,
         nullptr,
         [](std::span<const Value> a) {
           return Value::boolean(a[0].is_string() &&
                                 a[0].as_string().starts_with(a[1].as_string()));
         },
         "whether the text starts with the prefix"});
  r.add({"ends_with",
         {kString, kString},
         kBool,
         nullptr,
         [](std::span<const Value> a) {
           return Value::boolean(a[0].is_string() && a[0].as_string().ends_with(a[1].as_string()));
         },
         "whether the text ends with the suffix"});
  r.add({"contains",
         {kString, kString},
         kBool,
         nullptr,
         [](std::span<const Value> a) {
           return Value::boolean(a[0].is_string() &&
                                 a[0].as_string().find(a[1].as_string()) != std::string_view::npos);
         },
         "whether the text contains the part"});
  r.add({"replace",
         {kString, kString, kString},
         kString,
         nullptr,
         [](std::span<const Value> a) {
           if (!a[0].is_string()) return Value();
           std::string_view text = a[0].as_string();
           std::string_view from = a[1].as_string(), to = a[2].as_string();
           if (from.empty()) return Value::owned(std::string(text));
           std::string out;
           size_t start = 0;
           for (size_t at; (at = text.find(from, start)) != std::string_view::npos;
                start = at + from.size()) {
             append_bounded(out, text.substr(start, at - start));
             append_bounded(out, to);
           }
           append_bounded(out, text.substr(start));
           return Value::owned(std::move(out));
         },
         "the text with every occurrence of `from` replaced by `to`"});
  r.add({"split",
         {kString, kString},
         Type::list(kString),
         nullptr,
         [](std::span<const Value> a) {
           std::vector<Value> parts;
           if (!a[0].is_string()) return Value::owned_list({});
           std::string_view text = a[0].as_string(), separator = a[1].as_string();
           if (separator.empty()) return Value::owned_list({Value::owned(std::string(text))});
           size_t start = 0;
           for (size_t at; (at = text.find(separator, start)) != std::string_view::npos;
                start = at + separator.size()) {
             parts.push_back(Value::owned(std::string(text.substr(start, at - start))));
           }
           parts.push_back(Value::owned(std::string(text.substr(start))));
           return Value::owned_list(std::move(parts));
         },
         "the parts of the text between separators"});
  r.add({"join",
         {Type::list(Type::any()), kString},
         kString,
         nullptr,
         [](std::span<const Value> a) {
           std::string out;
           for (size_t i = 0; i < a[0].size(); ++i) {
             if (i > 0) append_bounded(out, a[1].as_string());
             append_bounded(out, a[0].at(i).display());
           }
           return Value::owned(std::move(out));
         },
         "the elements as text, with the separator between them"});
}

}  // namespace steward::rules
