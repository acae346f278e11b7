// KeyValueStore over window.localStorage. Only what the user chose to keep is
// written here (see app/persistence); passwords never are.
#pragma once

#include "platform/key_value_store.h"

namespace ud::platform::web {

class LocalStorage : public KeyValueStore {
public:
    std::optional<std::string> get(const std::string& key) const override;
    bool set(const std::string& key, const std::string& value) override;
    void remove(const std::string& key) override;
};

}  // namespace ud::platform::web
