// `steward init [-C DIR] [--force]`: a starter steward.yaml and example files that pass
// `steward check`, to edit into the team's own.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

struct StarterFile {
  const char* path;
  const char* text;
};

const StarterFile kStarterFiles[] = {
    // The modeline lets editors with the YAML language server complete and check the file.
    {"steward.yaml", "# yaml-language-server: $schema=" STEWARD_REPOSITORY_URL
                     "/raw/v" STEWARD_VERSION "/docs/schemas/steward.schema.json\n"
                     R"(# steward's configuration: docs/configuration.md
paths: [tracking-plan, destinations, governance]
packs: [stdlib:compat, stdlib:pii, stdlib:consent, stdlib:identity, stdlib:governance]
fail_on: error
)"},
    {"governance/teams.yaml", R"(kind: team
name: team-data
description: Owns the tracking plan and the warehouse.
reviewers: ["@your-org/data"]
---
kind: team
name: team-security
description: Reviews PII, consent and identity changes.
reviewers: ["@your-org/security"]
)"},
    {"tracking-plan/signed_up.yaml", R"(kind: event
name: signed_up
description: A visitor created an account.
owner: team-data
domain: account
status: active
sources: [web]
properties:
  user_id: {type: string, required: true, pii: user.id}
  email: {type: string, format: email, required: true, pii: user.contact.email}
  method: {type: string, enum: [email, google, apple], pii: none}
)"},
    {"destinations/web.yaml", R"(kind: source
name: web
platform: web
environments: [staging, production]
)"},
    {"destinations/warehouse.yaml", R"(kind: destination
name: warehouse
description: The analytics warehouse; receives every event.
category: warehouse
environments: [production]
region: eu
allow_pii: [user]
events: "*"
)"},
    {"governance/slos.yaml", R"(kind: slo
destination: warehouse
delivery_error_rate: 1%
schema_violation_rate: 0.5%
latency_p95: 15m
)"},
};

struct InitOptions {
  std::string dir = ".";
  bool force = false;
};

int run_init(const InitOptions& options) {
  namespace fs = std::filesystem;
  const fs::path root(options.dir);
  if (!options.force) {
    std::string existing;
    for (const auto& file : kStarterFiles) {
      if (fs::exists(root / file.path))
        existing += std::string(existing.empty() ? "" : ", ") + file.path;
    }
    if (!existing.empty()) {
      throw InputError("steward init would overwrite " + existing,
                       "run it in an empty folder, or pass --force to overwrite");
    }
  }
  for (const auto& file : kStarterFiles) {
    fs::path path = root / file.path;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out || !(out << file.text)) {
      throw InputError("cannot write '" + path.string() + "'", "check the folder's permissions");
    }
    std::cout << "created " << file.path << "\n";
  }
  std::cout
      << "\nNext: edit the files, then run `steward check`. The format is in docs/model.md.\n";
  return kPassed;
}

}  // namespace

void register_init(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* command = app.add_subcommand("init", "Write a starter steward.yaml and example files");
  command->add_option("-C,--dir", options->dir, "The folder to write them in");
  command->add_flag("--force", options->force, "Overwrite files that exist");
  command->callback([options, &exit_code] { exit_code = run_init(*options); });
}

}  // namespace steward::cli
