#pragma once

// Lets doctest print lists of strings in failed assertions (instead of "{?}").

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {

template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& values) {
    std::string out = "{";
    for (size_t i = 0; i < values.size(); ++i)
      out += (i ? ", \"" : "\"") + values[i] + "\"";
    return (out + "}").c_str();
  }
};

}  // namespace doctest
