// `steward diff [--base REV | --no-base] [--head REV | --staged] [--format text|markdown]`: the
// semantic change summary a reviewer reads, with the blast radius of each change.
#include <iostream>

#include "cli/commands.h"
#include "cli/comparison.h"
#include "cli/exit_code.h"
#include "cli/revision_options.h"
#include "diff/change_summary.h"
#include "kpi/environments.h"

namespace steward::cli {

namespace {

struct DiffOptions {
  RevisionOptions revisions;
  std::string format = "text";
};

int run_diff(const DiffOptions& options) {
  std::unique_ptr<Comparison> comparison = load_comparison(options.revisions, true);
  static const model::Model empty;
  const model::Model& base = comparison->base ? comparison->base->model : empty;
  const model::Model& head = comparison->head.model;
  diff::ChangeSet changes = diff::compute_changes(base, head);
  std::vector<diff::SummaryLine> lines = diff::summarize(changes, base, head);
  const bool markdown = options.format == "markdown";
  std::cout << (markdown ? diff::render_markdown(lines) : diff::render_text(lines));
  // What the change puts in production that staging never had (docs/kpis.md), after the changes.
  if (comparison->base) {
    std::vector<kpi::EnvironmentGap> gaps = kpi::environment_gaps(base, head);
    std::cout << (markdown ? kpi::environments_markdown(gaps) : kpi::environments_text(gaps));
  }
  if (!comparison->head.diagnostics.empty()) {
    std::cerr << "note: head has " << comparison->head.diagnostics.size()
              << " finding(s) in its data files; `steward check` lists them\n";
  }
  return kPassed;
}

}  // namespace

void register_diff(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand("diff", "Summarise what changed between base and head");
  add_revision_options(*command, options->revisions,
                       {.head = "The revision to compare (default: the files as they are)",
                        .staged = "Compare the staged files",
                        .no_base = "Compare head with nothing (everything reads as added)"});
  command->add_option("--format", options->format, "text or markdown")
      ->check(CLI::IsMember({"text", "markdown"}));
  command->callback([options, &exit_code] { exit_code = run_diff(*options); });
}

}  // namespace steward::cli
