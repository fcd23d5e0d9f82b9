#include "model/snapshot_loader.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <latch>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

#include "model/model_builder.h"
#include "source/diagnostic_factory.h"
#include "source/each_on_own_thread.h"
#include "source/rule_ids.h"

namespace steward::model {

namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Below this many files a second thread costs more than it saves.
constexpr size_t kFilesPerThread = 32;

// How many files may be parsed ahead of the one the models are reading: the parsed trees held
// at any time (a tree costs about 17 bytes per byte of YAML, so a few MB here), and the slack
// that keeps the parsing threads busy while the models read.
constexpr size_t kParseAhead = 512;

// How many released parses wake an idle parsing thread to free them.
constexpr size_t kReleaseBatch = 64;

// A path the revision has but steward could not read is a finding at that path, never a silent
// gap in the model.
Diagnostic unread_finding(const git::UnreadPath& unread, const std::string& revision) {
  Diagnostic d = make_diagnostic(
      rule_id::kSyntaxUnreadable, Severity::error,
      Span{make_source(unread.path, "", revision), 1, 1, 1, 1},
      "'" + unread.path + "' was not read: " + unread.reason,
      "make it a regular file inside the repository, or exclude it in steward.yaml");
  d.subject = unread.path;
  return d;
}

// One distinct file to parse (a blob id at a path): the revisions that share it share its parse.
struct ParseJob {
  size_t revision = 0;  // the first revision that has the file; its text and label are used
  size_t file = 0;      // the file's index there
  size_t readers = 0;   // models that have yet to read it
  bool done = false;
  std::shared_ptr<const config::ReadResult> result;
  // Its event documents, read on the thread that parsed it (one per document; none for others):
  // the first model to read such a document takes the Event (ModelBuilder::add).
  std::vector<std::optional<EventReadAhead>> events;
  // When several models read the file: one per document, through which they share its events
  // (ModelBuilder::add). Made by the first model to read it, dropped with the parse; only the
  // loading thread touches it.
  std::vector<SharedDocument> shared;
};

// Where one model's reading stands.
struct ModelInProgress {
  ModelBuilder builder;
  Diagnostics parse_diagnostics;  // syntax.* and the like, in file order
  LoadedModel loaded;
};

// Parses the files of every revision on worker threads and the calling thread, in the order the
// models read them, at most kParseAhead files ahead; the calling thread reads each parse into the
// models that contain it and releases its tree once all of them have.
class Pipeline {
 public:
  Pipeline(std::vector<git::Snapshot>& snapshots, config::ParseCache& cache, bool keep)
      : snapshots_(snapshots), cache_(cache), keep_(keep) {}

  std::vector<LoadedModel> run();

 private:
  void plan();
  void work();
  void parse(size_t job);
  const ParseJob& wait_for(size_t job);
  void read_file(size_t revision, size_t file, ModelInProgress& model);
  void stop_workers();
  static void finish_models(std::vector<std::unique_ptr<ModelInProgress>>& models);

  std::vector<git::Snapshot>& snapshots_;
  config::ParseCache& cache_;
  const bool keep_;
  std::vector<ParseJob> jobs_;                    // in the order the models need them
  std::vector<std::vector<size_t>> job_of_;       // [revision][file] -> job
  std::vector<std::pair<size_t, size_t>> order_;  // (revision, file) in reading order
  std::mutex mutex_;
  // Two conditions, each signalled only when a thread waits on it: a large load has tens of
  // thousands of jobs, and waking every thread on every job was a few percent of a check.
  std::condition_variable work_;  // the workers: a job may be started (or all are done)
  std::condition_variable done_;  // the loading thread: the job it waits for is done
  size_t idle_workers_ = 0;
  // Parses every model has read, freed by the parsing threads between jobs: freeing the trees of
  // 20,000 files costs about 0.3 s, which the loading thread spent between files.
  std::vector<std::shared_ptr<const config::ReadResult>> released_;
  size_t awaited_ = SIZE_MAX;  // the job the loading thread waits for, if any
  size_t next_ = 0;            // the first job no thread has started
  size_t limit_ = 0;           // jobs at or past this wait until the models catch up
  std::vector<std::thread> workers_;
  uint64_t shared_documents_ = 0;  // SharedDocument ids given so far
};

// Walks the revisions' files by path (each is sorted by path), so that a file both revisions
// hold unchanged is one job, placed where both read it, and parsed with the first revision's
// label (head's, as when head was loaded before base).
void Pipeline::plan() {
  std::unordered_map<std::string, size_t> by_key;
  std::vector<size_t> at(snapshots_.size(), 0);
  job_of_.resize(snapshots_.size());
  for (size_t r = 0; r < snapshots_.size(); ++r)
    job_of_[r].resize(snapshots_[r].files.size());
  for (;;) {
    const std::string* smallest = nullptr;
    for (size_t r = 0; r < snapshots_.size(); ++r) {
      if (at[r] == snapshots_[r].files.size()) continue;
      const std::string& path = snapshots_[r].files[at[r]].path;
      if (!smallest || path < *smallest) smallest = &path;
    }
    if (!smallest) break;
    const std::string path = *smallest;
    for (size_t r = 0; r < snapshots_.size(); ++r) {
      if (at[r] == snapshots_[r].files.size() || snapshots_[r].files[at[r]].path != path) continue;
      const git::SnapshotFile& file = snapshots_[r].files[at[r]];
      // The path is part of the key: spans name their file (as in ParseCache).
      std::string key = file.blob_id.empty() ? std::string() : file.blob_id + ":" + path;
      auto found = key.empty() ? by_key.end() : by_key.find(key);
      if (found == by_key.end()) {
        if (!key.empty()) by_key.emplace(std::move(key), jobs_.size());
        jobs_.push_back(ParseJob{r, at[r], 0, false, nullptr, {}, {}});
        job_of_[r][at[r]] = jobs_.size() - 1;
      } else {
        job_of_[r][at[r]] = found->second;
        cache_.count_shared();
      }
      ++jobs_[job_of_[r][at[r]]].readers;
      order_.emplace_back(r, at[r]);
      ++at[r];
    }
  }
}

void Pipeline::parse(size_t job) {
  ParseJob& parse_job = jobs_[job];
  git::Snapshot& snapshot = snapshots_[parse_job.revision];
  git::SnapshotFile& file = snapshot.files[parse_job.file];
  auto result =
      cache_.read(file.path, file.blob_id, std::move(file.content), snapshot.label, keep_);
  // Reading the events here takes that work off the loading thread, which reads every file into
  // the models one after another, and reads each tree while it is still in this core's cache.
  std::vector<std::optional<EventReadAhead>> events;
  events.reserve(result->documents.size());
  for (const auto& document : result->documents)
    events.push_back(read_event_ahead(document));
  std::lock_guard lock(mutex_);
  parse_job.result = std::move(result);
  parse_job.events = std::move(events);
  parse_job.done = true;
  if (awaited_ == job) done_.notify_one();
}

void Pipeline::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_workers_;
    work_.wait(lock, [&] {
      return next_ >= jobs_.size() || next_ < limit_ || released_.size() >= kReleaseBatch;
    });
    --idle_workers_;
    if (!released_.empty()) {
      std::vector<std::shared_ptr<const config::ReadResult>> dead;
      dead.swap(released_);
      lock.unlock();
      dead.clear();
      lock.lock();
      continue;
    }
    if (next_ >= jobs_.size()) return;
    const size_t job = next_++;
    lock.unlock();
    parse(job);
    lock.lock();
  }
}

// The parse of `job`. While it is not done this thread parses the next file no worker has
// started, and sleeps only when there is none: it is one of the parsing threads (run() starts one
// worker fewer than there are cores). Sleeping until a worker finished each file, as it did, cost
// a wake-up per file, 20,000 on a large check (2% of its processor time in the kernel's wake-ups).
const ParseJob& Pipeline::wait_for(size_t job) {
  std::unique_lock lock(mutex_);
  if (job + kParseAhead > limit_) {
    limit_ = job + kParseAhead;
    if (idle_workers_ > 0) work_.notify_all();
  }
  while (!jobs_[job].done) {
    if (next_ < jobs_.size() && (next_ <= job || next_ < limit_)) {
      const size_t mine = next_++;
      lock.unlock();
      parse(mine);
      lock.lock();
      continue;
    }
    awaited_ = job;
    done_.wait(lock);
    awaited_ = SIZE_MAX;
  }
  return jobs_[job];
}

void Pipeline::read_file(size_t revision, size_t file, ModelInProgress& model) {
  const auto start = Clock::now();
  const size_t job = job_of_[revision][file];
  std::shared_ptr<const config::ReadResult> result = wait_for(job).result;
  model.loaded.parse_ms += elapsed_ms(start);
  const auto build_start = Clock::now();
  model.parse_diagnostics.insert(model.parse_diagnostics.end(), result->diagnostics.begin(),
                                 result->diagnostics.end());
  ParseJob& parse_job = jobs_[job];
  // More than one model reads the file when it is still to be read by another, or has been.
  // `readers` changes under the lock, but only on this thread.
  const bool shared = parse_job.readers > 1 || !parse_job.shared.empty();
  if (shared && parse_job.shared.empty()) {
    parse_job.shared.resize(result->documents.size());
    for (SharedDocument& document : parse_job.shared)
      document.id = ++shared_documents_;
  }
  bool kept = false;
  for (size_t d = 0; d < result->documents.size(); ++d) {
    SharedDocument* share = shared ? &parse_job.shared[d] : nullptr;
    // Taken once: a shared document's later readers hold what the first one read.
    EventReadAhead* ahead = nullptr;
    if (d < parse_job.events.size() && parse_job.events[d]) ahead = &*parse_job.events[d];
    kept = model.builder.add(result->documents[d], share, ahead) || kept;
    if (ahead) parse_job.events[d].reset();
  }
  // What the model keeps of the file: its source (spans point into its text), and all of the
  // parse only when an external format reads its documents at the end.
  model.loaded.parsed[file] =
      kept || result->documents.empty()
          ? result
          : std::make_shared<const config::ReadResult>(config::ReadResult{result->source, {}, {}});
  std::lock_guard lock(mutex_);
  if (--parse_job.readers == 0) {
    parse_job.result.reset();
    parse_job.shared = {};
    parse_job.events = {};
    if (!workers_.empty()) {
      released_.push_back(std::move(result));
      if (idle_workers_ > 0 && released_.size() >= kReleaseBatch) work_.notify_one();
    }
  }
  model.loaded.build_ms += elapsed_ms(build_start);
}

void Pipeline::stop_workers() {
  {
    std::lock_guard lock(mutex_);
    next_ = jobs_.size();
    work_.notify_all();
  }
  for (auto& worker : workers_)
    worker.join();
  workers_.clear();
  released_.clear();
}

std::vector<LoadedModel> Pipeline::run() {
  plan();
  std::vector<std::unique_ptr<ModelInProgress>> models;
  for (const git::Snapshot& snapshot : snapshots_) {
    auto model = std::make_unique<ModelInProgress>();
    LoadedModel& loaded = model->loaded;
    loaded.files = snapshot.files.size();
    loaded.parsed.resize(snapshot.files.size());
    for (const auto& file : snapshot.files)
      loaded.blob_ids.push_back(file.blob_id);
    for (const auto& unread : snapshot.unread)
      loaded.diagnostics.push_back(unread_finding(unread, snapshot.label));
    models.push_back(std::move(model));
  }
  // This thread parses too (wait_for): one worker fewer than there are cores.
  const size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()) - 1,
                                          jobs_.size() / kFilesPerThread);
  limit_ = kParseAhead;
  for (size_t t = 0; t < threads; ++t)
    workers_.emplace_back([this] { work(); });
  try {
    for (const auto& [revision, file] : order_)
      read_file(revision, file, *models[revision]);
  } catch (...) {
    stop_workers();
    throw;
  }
  stop_workers();
  // Every model has read every file: the events they share can be settled before any resolves
  // them (ModelBuilder::settle_shared_events).
  for (auto& model : models) {
    const auto build_start = Clock::now();
    model->builder.settle_shared_events();
    model->loaded.build_ms += elapsed_ms(build_start);
  }
  finish_models(models);
  std::vector<LoadedModel> out;
  for (auto& model : models)
    out.push_back(std::move(model->loaded));
  return out;
}

// The first model to resolve an event that several hold links it for all of them, so each model
// resolves once the one before it has linked (a latch each); from then on the models only read
// what they share, and each builds the rest (its routes above all) on a thread of its own: base's
// resolution and routes beside head's routes.
void Pipeline::finish_models(std::vector<std::unique_ptr<ModelInProgress>>& models) {
  std::vector<std::unique_ptr<std::latch>> linked;
  for (size_t i = 0; i < models.size(); ++i)
    linked.push_back(std::make_unique<std::latch>(1));
  auto finish = [&](size_t i) {
    ModelInProgress& model = *models[i];
    if (i > 0) linked[i - 1]->wait();
    const auto build_start = Clock::now();
    bool signalled = false;
    auto signal = [&] {
      if (!std::exchange(signalled, true)) linked[i]->count_down();
    };
    try {
      BuildResult built = model.builder.finish(signal);
      LoadedModel& loaded = model.loaded;
      loaded.model = std::move(built.model);
      loaded.diagnostics.insert(loaded.diagnostics.end(), model.parse_diagnostics.begin(),
                                model.parse_diagnostics.end());
      loaded.diagnostics.insert(loaded.diagnostics.end(), built.diagnostics.begin(),
                                built.diagnostics.end());
      loaded.build_ms += elapsed_ms(build_start);
    } catch (...) {
      signal();  // the next model then links what it holds for itself
      throw;
    }
  };
  each_on_own_thread(models.size(), finish);
}

}  // namespace

std::vector<LoadedModel> load_snapshots(std::vector<git::Snapshot> snapshots,
                                        config::ParseCache* cache, bool keep_parses) {
  config::ParseCache local_cache;
  Pipeline pipeline(snapshots, cache ? *cache : local_cache, cache && keep_parses);
  return pipeline.run();
}

LoadedModel load_snapshot(git::Snapshot snapshot, config::ParseCache* cache) {
  std::vector<git::Snapshot> one;
  one.push_back(std::move(snapshot));
  return std::move(load_snapshots(std::move(one), cache, true).front());
}

}  // namespace steward::model
