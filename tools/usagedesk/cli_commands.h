// The command families of usagedesk, one file each:
//   cli_particle.cpp          login, logout, whoami, orgs, usage
//   cli_particle_reports.cpp  report request | status | wait | download | get
//   cli_activeplatform.cpp    ap daily
//   cli_csv.cpp               csv summary
// Each adds its subcommands to the app; a subcommand's callback stores the
// work to run in `cli.run`, and main() runs it after parsing.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "cli_context.h"

namespace ud::cli {

struct Program {
    Cli cli;
    std::function<int()> run;  // set by the chosen subcommand
};

void addParticleCommands(CLI::App& app, Program& program);
void addParticleReportCommands(CLI::App& app, Program& program);
void addActivePlatformCommands(CLI::App& app, Program& program);
void addCsvCommands(CLI::App& app, Program& program);

}  // namespace ud::cli
