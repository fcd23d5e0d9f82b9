#include "cli/check_run.h"
#include "cli/commands.h"
#include "cli/revision_options.h"
#include "config/fail_on.h"

namespace steward::cli {

void register_check(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command =
      app.add_subcommand("check", "Check the customer-data repository against the rule packs");
  add_revision_options(*command, options->revisions,
                       {.head = "The revision to check (default: the files as they are)",
                        .staged = "Check the staged files (for pre-commit hooks)",
                        .no_base = "Check head alone, without a base revision"});
  command->add_option("--format", options->formats,
                      "Report format, repeatable: F or F=PATH (text, json, sarif, github, "
                      "gitlab, junit, markdown, rdjson)");
  command->add_option("--fail-on", options->fail_on, "Fail on findings at or above this level")
      ->check(CLI::IsMember(config::fail_on_names()));
  command->add_flag("--new-only", options->new_only,
                    "Report only findings the change introduced (not present at base)");
  command->add_option("--color", options->color, "Colour the text report")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command->add_option(
      "--actor", options->actor,
      "Who made the change, for rules (default: GITHUB_ACTOR or GITLAB_USER_LOGIN)");
  command->add_option("--label", options->labels,
                      "A label of the pull request, for rules; repeatable");
  command->add_option("--environment", options->environment,
                      "The environment the change targets, for rules");
  auto* no_cache = command->add_flag(
      "--no-cache", options->revisions.cache.disabled,
      "Neither read nor write the persistent cache (results are the same, only slower)");
  command
      ->add_option("--cache-dir", options->revisions.cache.dir,
                   "Keep the persistent cache in this folder (default: STEWARD_CACHE_DIR, else "
                   ".git/steward-cache)")
      ->excludes(no_cache);
  command->add_flag("--stats", options->stats,
                    "Print timings and parse-cache counts on standard error");
  command->add_flag("-q,--quiet", options->quiet,
                    "Print nothing on standard output when the check passes");
  command->add_flag(
      "--offline", options->offline,
      "Never fetch git packs: read them from steward's cache (`steward packs fetch`)");
  command->callback([options, &exit_code] { exit_code = run_check(*options); });
}

}  // namespace steward::cli
