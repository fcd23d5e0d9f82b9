#include "model/snapshot_loader.h"

#include <atomic>
#include <chrono>
#include <thread>

#include "model/model_builder.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::model {

namespace {

double elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// Below this many files a second thread costs more than it saves.
constexpr size_t kFilesPerThread = 32;

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

}  // namespace

LoadedModel load_snapshot(git::Snapshot snapshot, config::ParseCache* cache) {
  config::ParseCache local_cache;
  config::ParseCache& parse_cache = cache ? *cache : local_cache;
  const auto start = std::chrono::steady_clock::now();
  LoadedModel loaded;
  loaded.files = snapshot.files.size();
  loaded.parsed.resize(snapshot.files.size());
  loaded.blob_ids.reserve(snapshot.files.size());
  for (const auto& file : snapshot.files)
    loaded.blob_ids.push_back(file.blob_id);

  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < snapshot.files.size(); i = next++) {
      git::SnapshotFile& file = snapshot.files[i];
      loaded.parsed[i] =
          parse_cache.read(file.path, file.blob_id, std::move(file.content), snapshot.label);
    }
  };
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()),
                                    1 + snapshot.files.size() / kFilesPerThread);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t)
    pool.emplace_back(work);
  work();
  for (auto& thread : pool)
    thread.join();
  loaded.parse_ms = elapsed_ms(start);
  const auto build_start = std::chrono::steady_clock::now();

  for (const auto& unread : snapshot.unread)
    loaded.diagnostics.push_back(unread_finding(unread, snapshot.label));
  std::vector<const config::Document*> documents;
  for (const auto& parsed : loaded.parsed) {
    loaded.diagnostics.insert(loaded.diagnostics.end(), parsed->diagnostics.begin(),
                              parsed->diagnostics.end());
    for (const auto& document : parsed->documents)
      documents.push_back(&document);
  }
  BuildResult built = build_model(documents);
  loaded.model = std::move(built.model);
  loaded.diagnostics.insert(loaded.diagnostics.end(), built.diagnostics.begin(),
                            built.diagnostics.end());
  loaded.build_ms = elapsed_ms(build_start);
  return loaded;
}

}  // namespace steward::model
