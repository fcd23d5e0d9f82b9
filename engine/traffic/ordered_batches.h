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
// memory is bounded by twice `workers` batches. `progress(lines)` runs after each round.
template <class Result, class Work, class Consume, class Progress>
void for_each_in_order(LineSource& source, unsigned workers, Work&& work, Consume&& consume,
                       Progress&& progress) {
  // Two sets of batches when there are several workers: while they check one round, this thread
  // reads the next, so that reading is not a pause of every core between rounds.
  bool overlap = workers > 1;
  std::vector<LineBatch> sets[2] = {std::vector<LineBatch>(workers),
                                    std::vector<LineBatch>(overlap ? workers : 0)};
  std::vector<std::vector<Result>> results(workers);
  std::vector<std::exception_ptr> errors(workers);
  auto read_round = [&](std::vector<LineBatch>& batches) {
    size_t filled = 0;
    while (filled < workers && source.next_batch(batches[filled]))
      ++filled;
    return filled;
  };
  uint64_t lines = 0;
  int current = 0;
  size_t filled = read_round(sets[current]);
  while (filled > 0) {
    std::vector<LineBatch>& batches = sets[current];
    auto run = [&](size_t w) {
      try {
        results[w].clear();
        results[w].reserve(batches[w].lines.size());
        const std::vector<SampleLine>& round = batches[w].lines;
        for (size_t i = 0; i < round.size(); ++i)
          results[w].push_back(work(w, round[i], i + 1 < round.size() ? &round[i + 1] : nullptr));
      } catch (...) {
        errors[w] = std::current_exception();
      }
    };
    size_t next = 0;
    std::exception_ptr read_error;
    if (overlap) {
      std::vector<std::thread> threads;
      for (size_t w = 0; w < filled; ++w)
        threads.emplace_back(run, w);
      try {
        next = read_round(sets[1 - current]);
      } catch (...) {
        read_error = std::current_exception();  // after the workers have finished
      }
      for (auto& t : threads)
        t.join();
    } else {
      run(0);
    }
    for (size_t w = 0; w < filled; ++w) {
      if (errors[w]) std::rethrow_exception(errors[w]);
      for (size_t i = 0; i < batches[w].lines.size(); ++i)
        consume(batches[w].lines[i], std::move(results[w][i]));
      lines += batches[w].lines.size();
    }
    progress(lines);
    if (read_error) std::rethrow_exception(read_error);
    if (overlap) {
      current = 1 - current;
      filled = next;
    } else {
      filled = read_round(sets[current]);
    }
  }
}

}  // namespace steward::traffic
