// The "What spiked" list shared by the Viewer and ActivePlatform: the rule in
// words, then one line per spike with the numbers that triggered it and a Show
// button that filters the table to it (the caller turns the click into its intent).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/table/spikes.h"
#include "ui/widget_registry.h"

namespace ud::ui {

// `decimals`: fraction digits of the amounts; with `money`, each spike's currency follows its amounts.
// Widgets: <id>.rule, <id>.item.<i> (label = the explanation), <id>.show.<i>. Returns the index clicked.
std::optional<std::size_t> drawSpikeList(const std::string& id, const core::SpikeList& spikes,
                                         const core::SpikeRule& rule, int decimals, bool money, WidgetRegistry& reg);

}  // namespace ud::ui
