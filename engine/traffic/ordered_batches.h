#pragma once

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

#include "traffic/event_lines.h"

namespace steward::traffic {

// The threads a run uses: every core, unless `requested` (> 0) says otherwise.
inline unsigned worker_count(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Reads the sample in rounds of one batch per worker, checks the batches of a round in parallel
// (`work(worker, line, next)` -> Result, each worker with its own state; `next` is the line the
// worker gets after this one, or null, for a worker that looks ahead), then hands every result to
// `consume(line, result)` in the sample's order: the output is the same on 1 or 16 cores, and
// memory is bounded by `workers` batches. `progress(lines)` runs after each round.
template <class Result, class Work, class Consume, class Progress>
void for_each_in_order(LineSource& source, unsigned workers, Work&& work, Consume&& consume,
                       Progress&& progress) {
  std::vector<LineBatch> batches(workers);
  std::vector<std::vector<Result>> results(workers);
  std::vector<std::exception_ptr> errors(workers);
  uint64_t lines = 0;
  for (;;) {
    size_t filled = 0;
    while (filled < workers && source.next_batch(batches[filled]))
      ++filled;
    if (filled == 0) break;
    auto run = [&](size_t w) {
      try {
        results[w].clear();
        results[w].reserve(batches[w].lines.size());
        const std::vector<SampleLine>& lines = batches[w].lines;
        for (size_t i = 0; i < lines.size(); ++i)
          results[w].push_back(work(w, lines[i], i + 1 < lines.size() ? &lines[i + 1] : nullptr));
      } catch (...) {
        errors[w] = std::current_exception();
      }
    };
    std::vector<std::thread> threads;
    for (size_t w = 1; w < filled; ++w)
      threads.emplace_back(run, w);
    run(0);
    for (auto& t : threads)
      t.join();
    for (size_t w = 0; w < filled; ++w) {
      if (errors[w]) std::rethrow_exception(errors[w]);
      for (size_t i = 0; i < batches[w].lines.size(); ++i)
        consume(batches[w].lines[i], std::move(results[w][i]));
      lines += batches[w].lines.size();
    }
    progress(lines);
  }
}

}  // namespace steward::traffic
