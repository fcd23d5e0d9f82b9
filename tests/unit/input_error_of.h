#pragma once

// The InputError a piece of code throws, for tests of steward's errors about its own inputs.

#include <doctest/doctest.h>

#include <string>

#include "source/input_error.h"

namespace steward::testing {

// The InputError `action` throws; fails the test when it throws nothing.
template <typename Action>
InputError input_error_of(Action action) {
  try {
    action();
  } catch (const InputError& error) {
    return error;
  }
  FAIL("expected an InputError");
  return InputError("");
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace steward::testing
