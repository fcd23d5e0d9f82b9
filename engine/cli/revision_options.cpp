#include "cli/revision_options.h"

namespace steward::cli {

void add_revision_options(CLI::App& command, RevisionOptions& options, const RevisionHelp& help) {
  command.add_option("-C,--dir", options.dir,
                     "The folder of the customer-data repository (where steward.yaml is)");
  command.add_option("--base", options.base,
                     "The revision to compare against (default: the merge-base with the CI "
                     "target branch, else origin/main, main or master)");
  if (help.no_base) command.add_flag("--no-base", options.no_base, help.no_base);
  auto* head = command.add_option("--head", options.head, help.head);
  command.add_flag("--staged", options.staged, help.staged)->excludes(head);
}

}  // namespace steward::cli
