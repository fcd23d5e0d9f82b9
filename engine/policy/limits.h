#pragma once

#include <cstddef>
#include <string>

// Limits of the policy language that a hostile or generated pack (or data) could otherwise push
// into a crash, a stall or gigabytes of memory. docs/language.md lists each with its value; the
// parser's nesting and syntax-error limits are in parser.h.
namespace steward::policy {

// A `.policy` file larger than this is refused before it is parsed (parsing costs 20-30 times
// the file's size in memory). The largest stdlib file is under 20 KB.
inline constexpr size_t kMaxPolicyFileBytes = 1024 * 1024;

// How deep user-defined functions may call each other (f calls g calls h is 3). Each level
// nests a function body in the checker and the evaluator, which recurse over expressions.
inline constexpr int kMaxFunctionCallDepth = 16;

// How deep expressions may nest when function bodies are counted where they are called: each
// body may nest 64 levels (parser.h), and 16 of them inside one another would recurse 1,024
// levels deep in the checker and the evaluator, more than a thread's stack holds.
inline constexpr int kMaxEvaluationDepth = 256;

// The longest string an expression may produce (replace, join, interpolation): repeated
// `replace(s, "a", s)` squares a length, so without a bound four of them ask for petabytes.
inline constexpr size_t kMaxStringBytes = 1024 * 1024;

// A value interpolated into a finding's message, suggestion or review reason is shortened to
// this many characters, with an ellipsis, so a 10,000-character name does not make every
// finding that repeats it 10 KB long.
inline constexpr size_t kMaxMessageValueChars = 200;

// The message of a string that grew past kMaxStringBytes.
std::string string_limit_message(size_t wanted);

// `text` cut to at most `max_chars` characters (UTF-8 aware) with "…" when it was longer.
std::string shorten_for_message(std::string text, size_t max_chars = kMaxMessageValueChars);

}  // namespace steward::policy
