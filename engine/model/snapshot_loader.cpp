#include "model/snapshot_loader.h"

#include <atomic>
#include <thread>

#include "model/model_builder.h"

namespace steward::model {

namespace {

// Below this many files a second thread costs more than it saves.
constexpr size_t kFilesPerThread = 32;

// A path the revision has but steward could not read is a finding at that path, never a silent
// gap in the model.
Diagnostic unread_finding(const git::UnreadPath& unread, const std::string& revision) {
  Diagnostic d;
  d.rule = "syntax.unreadable";
  d.message = "'" + unread.path + "' was not read: " + unread.reason;
  d.span.source = make_source(unread.path, "", revision);
  d.span.line = d.span.column = d.span.end_line = d.span.end_column = 1;
  d.help = "make it a regular file inside the repository, or exclude it in steward.yaml";
  d.subject = unread.path;
  return d;
}

}  // namespace

LoadedModel load_snapshot(const git::Snapshot& snapshot, config::ParseCache* cache) {
  config::ParseCache local_cache;
  config::ParseCache& parse_cache = cache ? *cache : local_cache;
  LoadedModel loaded;
  loaded.files = snapshot.files.size();
  loaded.parsed.resize(snapshot.files.size());

  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < snapshot.files.size(); i = next++) {
      const git::SnapshotFile& file = snapshot.files[i];
      loaded.parsed[i] = parse_cache.read(file.path, file.blob_id, file.content, snapshot.label);
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
  return loaded;
}

}  // namespace steward::model
