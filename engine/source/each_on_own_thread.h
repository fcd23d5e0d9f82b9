#pragma once

#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace steward {

// Runs task(0) on this thread and task(1) ... task(count - 1) each on a thread of its own, and
// returns when all have ended. A task that throws does not stop the others; afterwards the
// failure of the lowest-numbered task is rethrown, as running them in order would report it.
template <class Task>
void each_on_own_thread(size_t count, const Task& task) {
  std::vector<std::exception_ptr> failures(count);
  std::vector<std::thread> others;
  for (size_t i = 1; i < count; ++i) {
    others.emplace_back([&, i] {
      try {
        task(i);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    });
  }
  if (count > 0) {
    try {
      task(0);
    } catch (...) {
      failures[0] = std::current_exception();
    }
  }
  for (auto& thread : others)
    thread.join();
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace steward
